/** Provider blocks. */
import type { Rule } from "../../types";
import { CKV_AWS_41 } from "./ckv-aws-41";

/** In the order findings are reported. */
export const providerRules: Rule[] = [CKV_AWS_41];
