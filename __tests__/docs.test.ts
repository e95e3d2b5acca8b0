/** The README stands on its own: no link out of the repository, the rule list in step with the rules. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ALL_RULES } from "../guardrails/rules";
import { RULES_DOC, rulesMarkdown } from "../scripts/rules-doc";

const root = resolve(__dirname, "..");
const read = (p: string) => readFileSync(join(root, p), "utf8");

describe("documentation", () => {
  it("guardrails/RULES.md is what `npm run rules` generates (run it after changing a rule)", () => {
    expect(readFileSync(RULES_DOC, "utf8")).toBe(rulesMarkdown());
  });

  it("lists every rule once, with its scanners' ids and control family", () => {
    const doc = read("guardrails/RULES.md");
    for (const r of ALL_RULES) expect(doc.match(new RegExp(`^\\| ${r.id} \\|`, "gm"))).toHaveLength(1);
    expect(doc).toMatch(/^\| CKV_AWS_17 \| CKV_AWS_17 \| AWS-0180 \| critical \| .*\|$/m);
    expect(doc).toMatch(/^\| \[residency\]\(#residency\) \| 1 \| - \| Art\. 44, Art\. 46 \|$/m);
  });

  it("README and examples/README.md point only inside the repository, at files that exist", () => {
    for (const file of ["README.md", "examples/README.md"]) {
      const text = read(file);
      expect(text).not.toMatch(/\.\.\/shared/);
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        if (/^https?:/.test(target)) continue;
        expect([file, target, existsSync(join(root, dirname(file), target))]).toEqual([file, target, true]);
      }
    }
  });

  it("examples/README.md describes every example config", () => {
    const text = read("examples/README.md");
    for (const f of readdirSync(join(root, "examples")).filter((n) => n.endsWith(".json"))) expect(text).toContain(`\`${f}\``);
  });
});
