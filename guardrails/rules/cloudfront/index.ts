/** CloudFront: scanner-rules.md §2.11. */
import type { Rule } from "../../types";
import { CKV_AWS_34 } from "./ckv-aws-34";
import { CKV_AWS_174 } from "./ckv-aws-174";
import { AWS_0013 } from "./aws-0013";
import { CKV2_AWS_42 } from "./ckv2-aws-42";
import { CKV_AWS_68 } from "./ckv-aws-68";
import { CKV_AWS_86 } from "./ckv-aws-86";
import { AWS_0010 } from "./aws-0010";
import { CKV_AWS_305 } from "./ckv-aws-305";
import { CKV_AWS_310 } from "./ckv-aws-310";
import { CKV_AWS_374 } from "./ckv-aws-374";
import { CKV2_AWS_32 } from "./ckv2-aws-32";
import { CKV_AWS_259 } from "./ckv-aws-259";
import { CKV2_AWS_46 } from "./ckv2-aws-46";
import { CKV2_AWS_54 } from "./ckv2-aws-54";
import { CKV2_AWS_72 } from "./ckv2-aws-72";
import { CKV2_AWS_47 } from "./ckv2-aws-47";

/** In the order findings are reported. */
export const cloudfrontRules: Rule[] = [
  CKV_AWS_34,
  CKV_AWS_174,
  AWS_0013,
  CKV2_AWS_42,
  CKV_AWS_68,
  CKV_AWS_86,
  AWS_0010,
  CKV_AWS_305,
  CKV_AWS_310,
  CKV_AWS_374,
  CKV2_AWS_32,
  CKV_AWS_259,
  CKV2_AWS_46,
  CKV2_AWS_54,
  CKV2_AWS_72,
  CKV2_AWS_47,
];
