/**
 * CKV_AWS_196 (Checkov CKV_AWS_196): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ElasticacheHasSecurityGroup.py.
 */
import { fail, type Rule } from "../../types";

export const CKV_AWS_196: Rule = {
  id: "CKV_AWS_196",
  checkov: "CKV_AWS_196",
  severity: "low",
  resourceTypes: ["aws_elasticache_security_group"],
  description: "aws_elasticache_security_group (EC2-Classic) must not be used.",
  fix: "`aws_elasticache_security_group`: remove it (EC2-Classic); use an aws_security_group in the VPC.",
  check: () => fail("EC2-Classic cache security group"),
};
