/** ECR: scanner-rules.md §2.7. */
import type { Rule } from "../../types";
import { CKV_AWS_163 } from "./ckv-aws-163";
import { CKV_AWS_51 } from "./ckv-aws-51";
import { CKV_AWS_136 } from "./ckv-aws-136";
import { AWS_0033 } from "./aws-0033";
import { CKV_AWS_32 } from "./ckv-aws-32";

/** In the order findings are reported. */
export const ecrRules: Rule[] = [CKV_AWS_163, CKV_AWS_51, CKV_AWS_136, AWS_0033, CKV_AWS_32];
