/**
 * CKV_AWS_230, CKV_AWS_229, CKV_AWS_232, CKV_AWS_231 (Checkov): NACL ingress from anywhere on ports 20, 21, 22
 * and 3389, one rule per port from one table; what each checks is its `description` below.
 */
import { fail, pass, type Rule } from "../../types";
import { ANYWHERE, naclRules } from "./shared";

export const NACL_OPEN_PORT_RULES: Rule[] = (
  [
    [20, "CKV_AWS_230"],
    [21, "CKV_AWS_229"],
    [22, "CKV_AWS_232"],
    [3389, "CKV_AWS_231"],
  ] as const
).map(([port, id]): Rule => ({
  id,
  checkov: id,
  severity: "high",
  resourceTypes: ["aws_network_acl", "aws_network_acl_rule"],
  description: `No NACL ingress allow rule from 0.0.0.0/0 or ::/0 covering port ${port} (or all protocols).`,
  stricter:
    "Checkov: it reads the entries in rule_no order and passes when a deny of the port comes first, and skips an entry " +
    "from port 0; here any allow entry open to the internet on the port fails, whatever comes before it.",
  fix: "`cidr_block`: only the CIDRs that need the port, not 0.0.0.0/0 or ::/0.",
  check: (r) =>
    naclRules(r).some(
      (x) =>
        x.ingress &&
        x.action === "allow" &&
        x.cidrs.some((c) => ANYWHERE.includes(c)) &&
        (x.protocol === "-1" || (x.from <= port && port <= x.to)),
    )
      ? fail(`port ${port} is open to the internet`)
      : pass,
}));
