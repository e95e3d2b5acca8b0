/**
 * CKV_AWS_196 (Checkov CKV_AWS_196): aws_elasticache_security_group (EC2-Classic) must not be used.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/ElasticacheHasSecurityGroup.py.
 */
import { fail, type Rule } from "../../types";

export const CKV_AWS_196: Rule = {
  id: "CKV_AWS_196",
  checkov: "CKV_AWS_196",
  severity: "low",
  resourceTypes: ["aws_elasticache_security_group"],
  description: "aws_elasticache_security_group (EC2-Classic) must not be used.",
  fix: "Use a VPC security group.",
  check: () => fail("EC2-Classic cache security group"),
};
