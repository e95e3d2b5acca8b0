/**
 * CKV_AWS_333 (Checkov CKV_AWS_333): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECSServicePublicIP.py.
 */
import { fail, pass, type Rule } from "../../types";
import { get, isTrue } from "../helpers";

export const CKV_AWS_333: Rule = {
  id: "CKV_AWS_333",
  checkov: "CKV_AWS_333",
  severity: "high",
  resourceTypes: ["aws_ecs_service"],
  description: "network_configuration.assign_public_ip is not true.",
  fix: "`network_configuration.assign_public_ip = false`, tasks in private subnets (FargateService does this).",
  check: (r) => (isTrue(get(r.config, "network_configuration.assign_public_ip")) ? fail("tasks get public IPs") : pass),
};
