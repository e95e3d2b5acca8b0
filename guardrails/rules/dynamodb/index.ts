/** DynamoDB: scanner-rules.md §2.5. */
import type { Rule } from "../../types";
import { CKV_AWS_28 } from "./ckv-aws-28";
import { CKV_AWS_119 } from "./ckv-aws-119";
import { CKV2_AWS_16 } from "./ckv2-aws-16";
import { CKV_AWS_271 } from "./ckv-aws-271";

/** In the order findings are reported. */
export const dynamodbRules: Rule[] = [CKV_AWS_28, CKV_AWS_119, CKV2_AWS_16, CKV_AWS_271];
