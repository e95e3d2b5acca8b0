/** S3: scanner-rules.md §2.1. Bucket rules follow companion resources that reference the bucket. */
import type { Rule } from "../../types";
import { CKV_AWS_18 } from "./ckv-aws-18";
import { AWS_0089 } from "./aws-0089";
import { CKV_AWS_21 } from "./ckv-aws-21";
import { CKV_AWS_145 } from "./ckv-aws-145";
import { AWS_0132 } from "./aws-0132";
import { CKV_AWS_19 } from "./ckv-aws-19";
import { CKV_AWS_20 } from "./ckv-aws-20";
import { CKV_AWS_57 } from "./ckv-aws-57";
import { CKV_AWS_53 } from "./ckv-aws-53";
import { CKV_AWS_54 } from "./ckv-aws-54";
import { CKV_AWS_55 } from "./ckv-aws-55";
import { CKV_AWS_56 } from "./ckv-aws-56";
import { CKV2_AWS_6 } from "./ckv2-aws-6";
import { CKV2_AWS_62 } from "./ckv2-aws-62";
import { CKV2_AWS_61 } from "./ckv2-aws-61";
import { CKV_AWS_300 } from "./ckv-aws-300";
import { CKV2_AWS_65 } from "./ckv2-aws-65";
import { CKV_AWS_144 } from "./ckv-aws-144";
import { CKV_AWS_143 } from "./ckv-aws-143";
import { CKV_AWS_70 } from "./ckv-aws-70";
import { CKV_AWS_93 } from "./ckv-aws-93";
import { CKV_AWS_375 } from "./ckv-aws-375";
import { CKV2_AWS_43 } from "./ckv2-aws-43";
import { AWS_0320 } from "./aws-0320";

/** In the order findings are reported. */
export const s3Rules: Rule[] = [
  CKV_AWS_18,
  AWS_0089,
  CKV_AWS_21,
  CKV_AWS_145,
  AWS_0132,
  CKV_AWS_19,
  CKV_AWS_20,
  CKV_AWS_57,
  CKV_AWS_53,
  CKV_AWS_54,
  CKV_AWS_55,
  CKV_AWS_56,
  CKV2_AWS_6,
  CKV2_AWS_62,
  CKV2_AWS_61,
  CKV_AWS_300,
  CKV2_AWS_65,
  CKV_AWS_144,
  CKV_AWS_143,
  CKV_AWS_70,
  CKV_AWS_93,
  CKV_AWS_375,
  CKV2_AWS_43,
  AWS_0320,
];
