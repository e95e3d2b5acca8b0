/**
 * CKV_AWS_271 (Checkov CKV_AWS_271): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/DynamoDBTableReplicaKMSUsesCMK.py.
 */
import { fail, pass, type Rule } from "../../types";

export const CKV_AWS_271: Rule = {
  id: "CKV_AWS_271",
  checkov: "CKV_AWS_271",
  severity: "medium",
  resourceTypes: ["aws_dynamodb_table_replica"],
  description: "Replicas set kms_key_arn.",
  fix: "`kms_key_arn`: a CMK in the replica's region.",
  check: (r) => (r.config.kms_key_arn ? pass : fail("replica without a CMK")),
};
