/** SNS and SQS: scanner-rules.md §2.13. */
import type { Rule } from "../../types";
import { CKV_AWS_26 } from "./ckv-aws-26";
import { AWS_0136 } from "./aws-0136";
import { CKV_AWS_169 } from "./ckv-aws-169";
import { CKV_AWS_385 } from "./ckv-aws-385";
import { CKV_AWS_168 } from "./ckv-aws-168";
import { AWS_0097 } from "./aws-0097";
import { CKV_AWS_27 } from "./ckv-aws-27";
import { CKV2_AWS_73 } from "./ckv2-aws-73";
import { AWS_0135 } from "./aws-0135";

/** In the order findings are reported. */
export const messagingRules: Rule[] = [
  CKV_AWS_26,
  AWS_0136,
  CKV_AWS_169,
  CKV_AWS_385,
  CKV_AWS_168,
  AWS_0097,
  CKV_AWS_27,
  CKV2_AWS_73,
  AWS_0135,
];
