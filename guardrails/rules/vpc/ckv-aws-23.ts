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

const RULE_RESOURCES = ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"];
/** EC2-Classic-era groups Checkov still reads. */
const CLASSIC_GROUPS = ["aws_db_security_group", "aws_elasticache_security_group", "aws_redshift_security_group"];

export const CKV_AWS_23: Rule = {
  id: "CKV_AWS_23",
  checkov: "CKV_AWS_23",
  trivy: ["AWS-0099", "AWS-0124"],
  severity: "low",
  resourceTypes: [...SG, ...RULE_RESOURCES, ...CLASSIC_GROUPS, "aws_default_security_group"],
  description:
    'The group and each of its rules have a description other than "Managed by Terraform" (the classic DB, ElastiCache and ' +
    "Redshift groups too, as Checkov; a default group's inline rules, as Trivy).",
  fix: "`description` on the group and on each rule: why it exists.",
  check: (r) => {
    const ok = (d: unknown) => typeof d === "string" && d.trim() !== "" && d !== "Managed by Terraform";
    if (RULE_RESOURCES.includes(r.type)) return ok(r.config.description) ? pass : fail("rule has no description");
    const inner = [...blocks(r.config.ingress), ...blocks(r.config.egress)];
    // A default group has no description of its own (AWS names it "default VPC security group").
    const group = r.type === "aws_default_security_group" || ok(r.config.description);
    return group && inner.every((b) => ok(b.description)) ? pass : fail("group or rule without a description");
  },
};
