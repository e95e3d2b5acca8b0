/** RDS instances and Aurora clusters: scanner-rules.md §2.2-2.3. */
import type { Rule } from "../../types";
import { CKV_AWS_16 } from "./ckv-aws-16";
import { CKV_AWS_17 } from "./ckv-aws-17";
import { CKV_AWS_133 } from "./ckv-aws-133";
import { AWS_0077 } from "./aws-0077";
import { CKV_AWS_129 } from "./ckv-aws-129";
import { CKV_AWS_226 } from "./ckv-aws-226";
import { CKV_AWS_118 } from "./ckv-aws-118";
import { CKV_AWS_161 } from "./ckv-aws-161";
import { CKV_AWS_293 } from "./ckv-aws-293";
import { CKV_AWS_157 } from "./ckv-aws-157";
import { CKV_AWS_353 } from "./ckv-aws-353";
import { AWS_0133 } from "./aws-0133";
import { CKV_AWS_354 } from "./ckv-aws-354";
import { CKV_AWS_211 } from "./ckv-aws-211";
import { CKV2_AWS_60 } from "./ckv2-aws-60";
import { CKV2_AWS_69 } from "./ckv2-aws-69";
import { CKV2_AWS_30 } from "./ckv2-aws-30";
import { CKV_AWS_250 } from "./ckv-aws-250";
import { CKV_AWS_198 } from "./ckv-aws-198";
import { CKV_AWS_96 } from "./ckv-aws-96";
import { AWS_0079 } from "./aws-0079";
import { CKV_AWS_327 } from "./ckv-aws-327";
import { CKV_AWS_162 } from "./ckv-aws-162";
import { CKV_AWS_324 } from "./ckv-aws-324";
import { CKV_AWS_313 } from "./ckv-aws-313";
import { CKV_AWS_139 } from "./ckv-aws-139";
import { CKV2_AWS_8 } from "./ckv2-aws-8";
import { CKV2_AWS_27 } from "./ckv2-aws-27";
import { CKV_AWS_245 } from "./ckv-aws-245";
import { CKV_AWS_246 } from "./ckv-aws-246";
import { CKV_AWS_140 } from "./ckv-aws-140";
import { CKV_AWS_146 } from "./ckv-aws-146";
import { CKV_AWS_388 } from "./ckv-aws-388";
import { CKV_AWS_326 } from "./ckv-aws-326";

/** In the order findings are reported. */
export const rdsRules: Rule[] = [
  CKV_AWS_16,
  CKV_AWS_17,
  CKV_AWS_133,
  AWS_0077,
  CKV_AWS_129,
  CKV_AWS_226,
  CKV_AWS_118,
  CKV_AWS_161,
  CKV_AWS_293,
  CKV_AWS_157,
  CKV_AWS_353,
  AWS_0133,
  CKV_AWS_354,
  CKV_AWS_211,
  CKV2_AWS_60,
  CKV2_AWS_69,
  CKV2_AWS_30,
  CKV_AWS_250,
  CKV_AWS_198,
  CKV_AWS_96,
  AWS_0079,
  CKV_AWS_327,
  CKV_AWS_162,
  CKV_AWS_324,
  CKV_AWS_313,
  CKV_AWS_139,
  CKV2_AWS_8,
  CKV2_AWS_27,
  CKV_AWS_245,
  CKV_AWS_246,
  CKV_AWS_140,
  CKV_AWS_146,
  CKV_AWS_388,
  CKV_AWS_326,
];
