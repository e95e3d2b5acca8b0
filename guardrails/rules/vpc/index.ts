/** VPC and security groups: scanner-rules.md §2.15. */
import type { Rule } from "../../types";
import { CKV2_AWS_11 } from "./ckv2-aws-11";
import { CKV2_AWS_12 } from "./ckv2-aws-12";
import { CKV_AWS_23 } from "./ckv-aws-23";
import { CKV_AWS_24 } from "./ckv-aws-24";
import { CKV_AWS_25 } from "./ckv-aws-25";
import { CKV_AWS_260 } from "./ckv-aws-260";
import { CKV_AWS_277 } from "./ckv-aws-277";
import { CKV_AWS_382 } from "./ckv-aws-382";
import { CKV2_AWS_5 } from "./ckv2-aws-5";
import { CKV_AWS_130 } from "./ckv-aws-130";
import { CKV_AWS_148 } from "./ckv-aws-148";
import { AWS_0102 } from "./aws-0102";
import { AWS_0105 } from "./aws-0105";
import { NACL_OPEN_PORT_RULES } from "./nacl-open-ports";
import { CKV2_AWS_19 } from "./ckv2-aws-19";
import { CKV2_AWS_1 } from "./ckv2-aws-1";
import { CKV2_AWS_35 } from "./ckv2-aws-35";

/** In the order findings are reported. */
export const vpcRules: Rule[] = [
  CKV2_AWS_11,
  CKV2_AWS_12,
  CKV_AWS_23,
  CKV_AWS_24,
  CKV_AWS_25,
  CKV_AWS_260,
  CKV_AWS_277,
  CKV_AWS_382,
  CKV2_AWS_5,
  CKV_AWS_130,
  CKV_AWS_148,
  AWS_0102,
  AWS_0105,
  ...NACL_OPEN_PORT_RULES,
  CKV2_AWS_19,
  CKV2_AWS_1,
  CKV2_AWS_35,
];
