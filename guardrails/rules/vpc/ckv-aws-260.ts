/**
 * CKV_AWS_260 (Checkov CKV_AWS_260): its `description` below says what it checks.
 */
import type { Rule } from "../../types";
import { publicIngressRule } from "./shared";

export const CKV_AWS_260: Rule = publicIngressRule(
  "CKV_AWS_260",
  80,
  undefined,
  "`cidr_blocks` / `cidr_ipv4`: open :80 to the internet only for an HTTPS redirect listener, " +
    "suppressed with that reason; prefer the CloudFront prefix list.",
);
