/** Secrets Manager: scanner-rules.md §2.14. */
import type { Rule } from "../../types";
import { CKV_AWS_149 } from "./ckv-aws-149";
import { CKV2_AWS_57 } from "./ckv2-aws-57";
import { CKV_AWS_304 } from "./ckv-aws-304";

/** In the order findings are reported. */
export const secretsmanagerRules: Rule[] = [CKV_AWS_149, CKV2_AWS_57, CKV_AWS_304];
