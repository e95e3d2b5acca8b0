/**
 * CKV2_AWS_12 (Checkov CKV2_AWS_12; Trivy AWS-0173): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/VPCHasRestrictedSG.yaml;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/ec2/restrict_all_in_default_sg.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks } from "../helpers";

export const CKV2_AWS_12: Rule = {
  id: "CKV2_AWS_12",
  checkov: "CKV2_AWS_12",
  trivy: ["AWS-0173"],
  severity: "medium",
  resourceTypes: ["aws_vpc"],
  description: "An aws_default_security_group references the VPC, with no ingress/egress and no rule resources.",
  fix: "`aws_default_security_group` with `vpc_id` = this VPC and no rules (Network does this).",
  check: (v, g) => {
    const dsg = g.referencing(v, "aws_default_security_group");
    if (dsg.length === 0) return fail("the default security group is not declared (AWS leaves it open inside the VPC)");
    const open = dsg.some(
      (d) =>
        blocks(d.config.ingress).length > 0 ||
        blocks(d.config.egress).length > 0 ||
        g.referencing(d, "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule").length > 0,
    );
    return open ? fail("the default security group has rules") : pass;
  },
};
