/**
 * CKV_AWS_260 (Checkov CKV_AWS_260): No ingress from 0.0.0.0/0 or ::/0 covering port 80.
 */
import type { Rule } from "../../types";
import { publicIngressRule } from "./shared";

export const CKV_AWS_260: Rule = publicIngressRule(
  "CKV_AWS_260",
  80,
  undefined,
  "Allow :80 only for an HTTPS redirect listener, and suppress with that reason; prefer CloudFront prefix-list ingress.",
);
