/**
 * CKV_AWS_333 (Checkov CKV_AWS_333): network_configuration.assign_public_ip is not true.
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
  fix: "Run tasks in private subnets with assign_public_ip = false.",
  check: (r) => (isTrue(get(r.config, "network_configuration.assign_public_ip")) ? fail("tasks get public IPs") : pass),
};
