/**
 * AWS-0049 (Trivy AWS-0049): its `description` below says what it checks.
 * Scanner source:
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/elasticache/add_description_for_security_group.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { show } from "../helpers";

export const AWS_0049: Rule = {
  id: "AWS-0049",
  trivy: ["AWS-0049", "aws-elasticache-add-description-for-security-group"],
  severity: "low",
  resourceTypes: ["aws_elasticache_security_group"],
  description:
    "Trivy's half of CKV_AWS_196: an aws_elasticache_security_group has a description other than " +
    'empty or Terraform\'s default "Managed by Terraform" (CKV_AWS_196 forbids the type outright).',
  fix: '`description`: say what the group is for (not "Managed by Terraform"), or better use a VPC security group (CKV_AWS_196).',
  check: (r) => {
    const d = r.config.description;
    return d === undefined || d === "" || d === "Managed by Terraform" ? fail(`description is ${show(d)}`) : pass;
  },
};
