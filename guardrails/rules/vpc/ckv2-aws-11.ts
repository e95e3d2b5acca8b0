/**
 * CKV2_AWS_11 (Checkov CKV2_AWS_11; Trivy AWS-0178): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/VPCHasFlowLog.yaml;
 *
 * aquasecurity/trivy-checks/checks/cloud/aws/ec2/require_vpc_flow_logs_for_all_vpcs.rego.
 */
import { fail, pass, type Rule } from "../../types";

export const CKV2_AWS_11: Rule = {
  id: "CKV2_AWS_11",
  checkov: "CKV2_AWS_11",
  trivy: ["AWS-0178", "aws-ec2-require-vpc-flow-logs-for-all-vpcs"],
  severity: "medium",
  resourceTypes: ["aws_vpc"],
  description: "An aws_flow_log references the VPC.",
  fix: '`aws_flow_log` with `vpc_id` = this VPC and `traffic_type = "ALL"`, to a KMS-encrypted log group (Network does this).',
  check: (v, g) => (g.referencing(v, "aws_flow_log").length > 0 ? pass : fail("no flow log")),
};
