/**
 * CKV_AWS_148 (Checkov CKV_AWS_148; Trivy AWS-0101): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/VPCDefaultNetwork.py;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/ec2/no_default_vpc.rego.
 */
import { fail, type Rule } from "../../types";

export const CKV_AWS_148: Rule = {
  id: "CKV_AWS_148",
  checkov: "CKV_AWS_148",
  trivy: ["AWS-0101", "aws-ec2-no-default-vpc"],
  severity: "high",
  resourceTypes: ["aws_default_vpc"],
  description: "The default VPC must not be managed/used.",
  fix: "`aws_default_vpc`: remove it; build in the project's own VPC (Network).",
  check: () => fail("aws_default_vpc declared"),
};
