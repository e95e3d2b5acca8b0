/**
 * CKV_AWS_130 (Checkov CKV_AWS_130; Trivy AWS-0164): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/SubnetPublicIP.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/ec2/no_public_ip_subnet.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";

export const CKV_AWS_130: Rule = {
  id: "CKV_AWS_130",
  checkov: "CKV_AWS_130",
  trivy: ["AWS-0164", "aws-ec2-no-public-ip-subnet"],
  severity: "high",
  resourceTypes: ["aws_subnet"],
  description: "map_public_ip_on_launch is not true.",
  fix: "`map_public_ip_on_launch`: leave it false; the ALB and NAT do not need it (Network does this).",
  check: (s) => (isTrue(s.config.map_public_ip_on_launch) ? fail("instances get public IPs") : pass),
};
