/** ElastiCache Redis: scanner-rules.md §2.4. */
import type { Rule } from "../../types";
import { CKV_AWS_29 } from "./ckv-aws-29";
import { CKV_AWS_30 } from "./ckv-aws-30";
import { CKV_AWS_31 } from "./ckv-aws-31";
import { CKV_AWS_191 } from "./ckv-aws-191";
import { CKV2_AWS_50 } from "./ckv2-aws-50";
import { CKV_AWS_134 } from "./ckv-aws-134";
import { AWS_0050 } from "./aws-0050";
import { CKV_AWS_322 } from "./ckv-aws-322";
import { CKV_AWS_323 } from "./ckv-aws-323";
import { CKV_AWS_196 } from "./ckv-aws-196";
import { AWS_0049 } from "./aws-0049";

/** In the order findings are reported. */
export const elasticacheRules: Rule[] = [
  CKV_AWS_29,
  CKV_AWS_30,
  CKV_AWS_31,
  CKV_AWS_191,
  CKV2_AWS_50,
  CKV_AWS_134,
  AWS_0050,
  CKV_AWS_322,
  CKV_AWS_323,
  CKV_AWS_196,
  AWS_0049,
];
