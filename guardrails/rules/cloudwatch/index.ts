/** CloudWatch Logs and alarms: scanner-rules.md §2.12. */
import type { Rule } from "../../types";
import { CKV_AWS_158 } from "./ckv-aws-158";
import { CKV_AWS_66 } from "./ckv-aws-66";
import { CKV_AWS_338 } from "./ckv-aws-338";
import { CKV_AWS_319 } from "./ckv-aws-319";

/** In the order findings are reported. */
export const cloudwatchRules: Rule[] = [CKV_AWS_158, CKV_AWS_66, CKV_AWS_338, CKV_AWS_319];
