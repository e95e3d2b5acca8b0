/**
 * CKV_AWS_224 (Checkov CKV_AWS_224): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ECSClusterLoggingEncryptedWithCMK.py.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { get, isTrue } from "../helpers";

export const CKV_AWS_224: Rule = {
  id: "CKV_AWS_224",
  checkov: "CKV_AWS_224",
  severity: "medium",
  resourceTypes: ["aws_ecs_cluster"],
  description: "ECS Exec configuration has a kms_key_id and encrypted CloudWatch or S3 logging.",
  stricter: "Checkov: logging = NONE is unknown there; here an Exec configuration that logs nothing fails.",
  fix:
    "`execute_command_configuration.kms_key_id` and " +
    "`log_configuration.cloud_watch_encryption_enabled = true` (ContainerCluster does this).",
  check: (r) => {
    const exec = get(r.config, "configuration.execute_command_configuration");
    if (exec === undefined) return notApplicable;
    const lc = get(exec, "log_configuration");
    return get(exec, "kms_key_id") && (isTrue(get(lc, "cloud_watch_encryption_enabled")) || isTrue(get(lc, "s3_bucket_encryption_enabled")))
      ? pass
      : fail("ECS Exec sessions are not encrypted");
  },
};
