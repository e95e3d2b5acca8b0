/**
 * AWS-0346 (Trivy AWS-0346): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/iam/unauthorized_bucket_access.rego.
 */
import type { Rule } from "../../types";
import { list, policyRule } from "../helpers";
import { allows, POLICIES } from "./shared";

export const AWS_0346: Rule = policyRule(
  {
    id: "AWS-0346",
    trivy: ["AWS-0346", "aws-iam-unauthorized-bucket-access"],
    severity: "high",
    resourceTypes: POLICIES,
    description: 'No Allow of both s3:Get* and s3:Put* (as written) on Resource "*" in one statement.',
    fix: "`Resource`: bucket ARNs for s3:Get* and s3:Put*, not * (the grant methods do this).",
  },
  "policy",
  (st) =>
    allows(st).some(
      (s) =>
        s.Resource === "*" &&
        ["s3:get*", "s3:put*"].every((a) =>
          list(s.Action)
            .map((x) => x.toLowerCase())
            .includes(a),
        ),
    )
      ? "s3:Get* and s3:Put* on every bucket"
      : undefined,
);
