/**
 * CKV_AWS_230 (Checkov CKV_AWS_230): No NACL ingress allow rule from 0.0.0.0/0 or ::/0 covering port 20 (or
 * all protocols).
 *
 * CKV_AWS_229 (Checkov CKV_AWS_229): No NACL ingress allow rule from 0.0.0.0/0 or ::/0 covering port 21 (or
 * all protocols).
 *
 * CKV_AWS_232 (Checkov CKV_AWS_232): No NACL ingress allow rule from 0.0.0.0/0 or ::/0 covering port 22 (or
 * all protocols).
 *
 * CKV_AWS_231 (Checkov CKV_AWS_231): No NACL ingress allow rule from 0.0.0.0/0 or ::/0 covering port 3389 (or
 * all protocols).
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
  fix: "Admit only the CIDRs that need the port.",
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
