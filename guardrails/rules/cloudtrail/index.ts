/** CloudTrail: scanner-rules.md §2.14. */
import type { Rule } from "../../types";
import { CKV_AWS_35 } from "./ckv-aws-35";
import { CKV_AWS_36 } from "./ckv-aws-36";
import { CKV_AWS_67 } from "./ckv-aws-67";
import { CKV_AWS_251 } from "./ckv-aws-251";
import { CKV_AWS_252 } from "./ckv-aws-252";
import { CKV2_AWS_10 } from "./ckv2-aws-10";
import { AWS_0162 } from "./aws-0162";
import { AWS_0163 } from "./aws-0163";
import { AWS_0161 } from "./aws-0161";

/** In the order findings are reported. */
export const cloudtrailRules: Rule[] = [
  CKV_AWS_35,
  CKV_AWS_36,
  CKV_AWS_67,
  CKV_AWS_251,
  CKV_AWS_252,
  CKV2_AWS_10,
  AWS_0162,
  AWS_0163,
  AWS_0161,
];
