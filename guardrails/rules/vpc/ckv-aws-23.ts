/**
 * CKV_AWS_23 (Checkov CKV_AWS_23; Trivy AWS-0099, Trivy AWS-0124): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/SecurityGroupRuleDescription.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/ec2/add_description_to_security_group.rego;
 * aquasecurity/trivy-checks/checks/cloud/aws/ec2/add_description_to_security_group_rule.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks } from "../helpers";
import { SG } from "./shared";

export const CKV_AWS_23: Rule = {
  id: "CKV_AWS_23",
  checkov: "CKV_AWS_23",
  trivy: ["AWS-0099", "AWS-0124"],
  severity: "low",
  resourceTypes: [...SG, "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"],
  description: 'The group and each of its rules have a description other than "Managed by Terraform".',
  fix: "`description` on the group and on each rule: why it exists.",
  check: (r) => {
    const ok = (d: unknown) => typeof d === "string" && d.trim() !== "" && d !== "Managed by Terraform";
    if (r.type !== "aws_security_group") return ok(r.config.description) ? pass : fail("rule has no description");
    const inner = [...blocks(r.config.ingress), ...blocks(r.config.egress)];
    return ok(r.config.description) && inner.every((b) => ok(b.description)) ? pass : fail("group or rule without a description");
  },
};
