/**
 * CKV_AWS_136 (Checkov CKV_AWS_136): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECRRepositoryEncrypted.py.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { REPO } from "./shared";

export const CKV_AWS_136: Rule = {
  id: "CKV_AWS_136",
  checkov: "CKV_AWS_136",
  severity: "high",
  resourceTypes: REPO,
  description: "encryption_configuration.encryption_type = KMS (Checkov: the AWS-managed aws/ecr key counts; AWS-0033 asks for a kms_key).",
  fix: '`encryption_configuration { encryption_type = "KMS", kms_key = <CMK ARN> }` (ContainerRepository does this).',
  check: (r) => (get(r.config, "encryption_configuration.encryption_type") === "KMS" ? pass : fail("not encrypted with KMS")),
};
