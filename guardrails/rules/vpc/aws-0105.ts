/**
 * AWS-0105 (Trivy AWS-0105): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/ec2/no_public_ingress_acl.rego.
 */
import { fail, pass, type Rule } from "../../types";
import { ANYWHERE, naclRules } from "./shared";

export const AWS_0105: Rule = {
  id: "AWS-0105",
  trivy: ["AWS-0105", "aws-ec2-no-public-ingress-acl"],
  severity: "critical",
  resourceTypes: ["aws_network_acl", "aws_network_acl_rule"],
  description: "No ingress allow rule from 0.0.0.0/0 or ::/0 (inline rules too).",
  stricter:
    "Trivy: it reads aws_network_acl_rule only, and fails only tcp or all protocols covering port 22 or 3389; here any " +
    "ingress allow from the internet fails, inline entries included.",
  fix: "`cidr_block`: only the CIDRs that need access (the app tier for the data tier).",
  check: (r) =>
    naclRules(r).some((x) => x.ingress && x.action === "allow" && x.cidrs.some((c) => ANYWHERE.includes(c)))
      ? fail("a NACL admits the internet")
      : pass,
};
