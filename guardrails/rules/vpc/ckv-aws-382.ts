/**
 * CKV_AWS_382 (Checkov CKV_AWS_382; Trivy AWS-0104): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/ec2/no_public_egress_sgr.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { EGRESS_RULES, openToInternet, rulesOf, SG } from "./shared";

export const CKV_AWS_382: Rule = {
  id: "CKV_AWS_382",
  checkov: "CKV_AWS_382",
  trivy: ["AWS-0104", "aws-ec2-no-public-egress-sgr"],
  severity: "critical",
  resourceTypes: [...SG, ...EGRESS_RULES],
  description: "No egress to 0.0.0.0/0 or ::/0 (Trivy: on any port; Checkov: on all ports).",
  fix: "`cidr_blocks` / `cidr_ipv4` of egress: VPC endpoints, prefix lists or the VPC CIDR; or suppress with the NAT/HTTPS reason.",
  check: (r) => (rulesOf(r, "egress").some(openToInternet) ? fail("egress open to the internet") : pass),
};
