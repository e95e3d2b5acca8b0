/** WAFv2: scanner-rules.md §2.10. */
import type { Rule } from "../../types";
import { CKV_AWS_192 } from "./ckv-aws-192";
import { CKV_AWS_175 } from "./ckv-aws-175";
import { CKV_AWS_342 } from "./ckv-aws-342";
import { CKV_AWS_176 } from "./ckv-aws-176";
import { CKV2_AWS_31 } from "./ckv2-aws-31";

/** In the order findings are reported. */
export const wafv2Rules: Rule[] = [CKV_AWS_192, CKV_AWS_175, CKV_AWS_342, CKV_AWS_176, CKV2_AWS_31];
