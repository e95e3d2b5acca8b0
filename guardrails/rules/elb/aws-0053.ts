/**
 * AWS-0053 (Trivy AWS-0053): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/elb/alb_not_public.rego.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { isTrue } from "../helpers";
import { LB } from "./shared";

export const AWS_0053: Rule = {
  id: "AWS-0053",
  trivy: ["AWS-0053", "aws-elb-alb-not-public"],
  severity: "high",
  resourceTypes: [...LB, "aws_elb"],
  description: "The load balancer is internal (every internet-facing ALB, NLB or classic ELB fails; gateway ones are not judged).",
  fix: "`internal = true`, or suppress for the public entry point with the WAF/CloudFront reason.",
  check: (lb) =>
    lb.config.load_balancer_type === "gateway" ? notApplicable : isTrue(lb.config.internal) ? pass : fail("internet-facing load balancer"),
};
