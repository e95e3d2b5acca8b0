/** IAM: scanner-rules.md §2.16. Policies are read from their JSON strings. */
import type { Rule } from "../../types";
import { CKV_AWS_60 } from "./ckv-aws-60";
import { CKV_AWS_61 } from "./ckv-aws-61";
import { CKV_AWS_393 } from "./ckv-aws-393";
import { CKV_AWS_62 } from "./ckv-aws-62";
import { CKV_AWS_63 } from "./ckv-aws-63";
import { CKV2_AWS_40 } from "./ckv2-aws-40";
import { CKV_AWS_274 } from "./ckv-aws-274";
import { CKV2_AWS_56 } from "./ckv2-aws-56";
import { CKV_AWS_40 } from "./ckv-aws-40";
import { AWS_0342 } from "./aws-0342";
import { AWS_0345 } from "./aws-0345";
import { AWS_0346 } from "./aws-0346";
import { PRJ_IAM_ROLE_POLICY_SIZE } from "./prj-iam-role-policy-size";

/** In the order findings are reported. */
export const iamRules: Rule[] = [
  CKV_AWS_60,
  CKV_AWS_61,
  CKV_AWS_393,
  CKV_AWS_62,
  CKV_AWS_63,
  CKV2_AWS_40,
  CKV_AWS_274,
  CKV2_AWS_56,
  CKV_AWS_40,
  AWS_0342,
  AWS_0345,
  AWS_0346,
  PRJ_IAM_ROLE_POLICY_SIZE,
];

export { iamAnalysisRules } from "./policy-analysis";
