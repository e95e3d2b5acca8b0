/** Readers and resource-type lists shared by the wafv2 rules. */
import { blocks } from "../helpers";

export const ACL = ["aws_wafv2_web_acl"];
export const ALL_ACLS = ["aws_waf_web_acl", "aws_wafregional_web_acl", "aws_wafv2_web_acl"];
/** A block that is present and not empty (Checkov compares with `[{}]`). */
export const filled = (v: unknown) => blocks(v).some((b) => Object.keys(b).length > 0);
/** Checkov's WAFRuleHasAnyActions reads `rule`, else `rules`, else `activated_rule`. */
export const wafRules = (c: Record<string, unknown>) => [c.rule, c.rules, c.activated_rule].map(blocks).find((b) => b.length > 0) ?? [];
