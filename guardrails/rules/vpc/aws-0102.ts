/**
 * AWS-0102 (Trivy AWS-0102): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/ec2/no_excessive_port_access.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { naclRules } from "./shared";

export const AWS_0102: Rule = {
  id: "AWS-0102",
  trivy: ["AWS-0102", "aws-ec2-no-excessive-port-access"],
  severity: "critical",
  resourceTypes: ["aws_network_acl", "aws_network_acl_rule"],
  description: "No allow rule for all protocols (-1/all). Trivy reads aws_network_acl_rule resources; we also read inline rules.",
  fix: "`protocol`: tcp or udp with the ports needed, not -1 (all).",
  check: (r) =>
    naclRules(r).some((x) => x.action === "allow" && ["-1", "all"].includes(x.protocol))
      ? fail("a NACL rule allows every protocol and port")
      : pass,
};
