/** Suppression reasons and the README that send an operator to a runbook name one that exists. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { App } from "cdktf";
import { resolve } from "../config/resolve";
import { evaluateStack } from "../guardrails/enforce";
import { AppStack } from "../stacks/app-stack";
import { validSpec } from "./helpers";
import { exampleSpec } from "./examples/synthesize";

const root = join(__dirname, "..");
const runbooks = readFileSync(join(root, "docs", "runbooks.md"), "utf8");
const sections = [...runbooks.matchAll(/^## (.+)$/gm)].map((m) => m[1]);

describe("runbooks", () => {
  it("every suppression reason that mentions a runbook names docs/runbooks.md and one of its sections", () => {
    const spec = exampleSpec("ecs-cdn-hipaa.json");
    const stack = new AppStack(new App(), resolve(validSpec(spec), "prod"));
    const reasons = new Set(
      evaluateStack({ stack })
        .findings.map((f) => f.justification ?? "")
        .filter((r) => /runbook/i.test(r)),
    );
    expect(reasons.size).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(reason).toContain("docs/runbooks.md");
      const named = /docs\/runbooks\.md \(([^)]+)\)/.exec(reason)?.[1];
      expect([reason, sections.includes(named ?? "")]).toEqual([reason, true]);
    }
  });

  it("the README's runbook mentions link to the file", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    // Each mention is followed, within the sentence, by a link to the file.
    const unlinked = [...readme.matchAll(/runbook/gi)]
      .map((m) => readme.slice(m.index, m.index + 160))
      .filter((text) => !text.includes("docs/runbooks.md") && !/^runbooks\.md/.test(text));
    expect(unlinked).toEqual([]);
    expect(sections).toEqual(["Creating the database's IAM users", "Rotating secrets", "Restoring from backup"]);
  });
});
