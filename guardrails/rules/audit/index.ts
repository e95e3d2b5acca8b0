/** GuardDuty and AWS Config: Checkov checks the catalogue does not list, read from Checkov's source. */
import type { Rule } from "../../types";
import { CKV_AWS_238 } from "./ckv-aws-238";
import { CKV2_AWS_3 } from "./ckv2-aws-3";
import { CKV2_AWS_45 } from "./ckv2-aws-45";
import { CKV2_AWS_48 } from "./ckv2-aws-48";

/** In the order findings are reported. */
export const auditRules: Rule[] = [CKV_AWS_238, CKV2_AWS_3, CKV2_AWS_45, CKV2_AWS_48];
