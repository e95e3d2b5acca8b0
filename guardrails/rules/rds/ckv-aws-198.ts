/**
 * CKV_AWS_198 (Checkov CKV_AWS_198): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSHasSecurityGroup.py.
 */
import { fail, type Rule } from "../../types";

export const CKV_AWS_198: Rule = {
  id: "CKV_AWS_198",
  checkov: "CKV_AWS_198",
  severity: "medium",
  resourceTypes: ["aws_db_security_group"],
  description: "aws_db_security_group (EC2-Classic) must not be used.",
  fix: "`aws_db_security_group`: remove it (EC2-Classic); use an aws_security_group in the VPC.",
  check: () => fail("EC2-Classic DB security group"),
};
