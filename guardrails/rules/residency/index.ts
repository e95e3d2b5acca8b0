/** Project rule: data residency (GDPR Art. 44-49): nothing is placed outside the allowed regions. */
import type { Rule } from "../../types";
import { PRJ_DATA_RESIDENCY } from "./prj-data-residency";

/** In the order findings are reported. */
export const residencyRules: Rule[] = [PRJ_DATA_RESIDENCY];
