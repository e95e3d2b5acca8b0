/** Load balancing: scanner-rules.md §2.9. */
import type { Rule } from "../../types";
import { CKV_AWS_2 } from "./ckv-aws-2";
import { CKV_AWS_103 } from "./ckv-aws-103";
import { AWS_0047 } from "./aws-0047";
import { CKV2_AWS_74 } from "./ckv2-aws-74";
import { CKV2_AWS_20 } from "./ckv2-aws-20";
import { CKV_AWS_91 } from "./ckv-aws-91";
import { CKV_AWS_131 } from "./ckv-aws-131";
import { CKV_AWS_150 } from "./ckv-aws-150";
import { CKV_AWS_328 } from "./ckv-aws-328";
import { CKV2_AWS_28 } from "./ckv2-aws-28";
import { CKV2_AWS_76 } from "./ckv2-aws-76";
import { CKV_AWS_152 } from "./ckv-aws-152";
import { AWS_0053 } from "./aws-0053";
import { CKV_AWS_378 } from "./ckv-aws-378";
import { CKV_AWS_261 } from "./ckv-aws-261";

/** In the order findings are reported. */
export const elbRules: Rule[] = [
  CKV_AWS_2,
  CKV_AWS_103,
  AWS_0047,
  CKV2_AWS_74,
  CKV2_AWS_20,
  CKV_AWS_91,
  CKV_AWS_131,
  CKV_AWS_150,
  CKV_AWS_328,
  CKV2_AWS_28,
  CKV2_AWS_76,
  CKV_AWS_152,
  AWS_0053,
  CKV_AWS_378,
  CKV_AWS_261,
];
