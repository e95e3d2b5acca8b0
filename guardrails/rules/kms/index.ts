/** KMS: scanner-rules.md §2.6. */
import type { Rule } from "../../types";
import { CKV_AWS_7 } from "./ckv-aws-7";
import { CKV_AWS_33 } from "./ckv-aws-33";
import { CKV_AWS_227 } from "./ckv-aws-227";
import { CKV2_AWS_64 } from "./ckv2-aws-64";

/** In the order findings are reported. */
export const kmsRules: Rule[] = [CKV_AWS_7, CKV_AWS_33, CKV_AWS_227, CKV2_AWS_64];
