/** The README's numbers and config examples stay true to the code. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateSpec } from "../config/validate";
import { ALL_RULES } from "../guardrails/rules";
import { baseSpec } from "./helpers";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");

describe("README", () => {
  it("states the real number of guardrail rules", () => {
    const project = ALL_RULES.filter((r) => r.id.startsWith("PRJ_")).length;
    expect(readme).toContain(`checked at synth by ${ALL_RULES.length} guardrail rules`);
    expect(readme).toContain(`${ALL_RULES.length} rules in \`guardrails/rules/\`, ${ALL_RULES.length - project}`);
  });

  it("its services, edge and residency example is a valid config (prod only, as it says)", () => {
    const at = readme.indexOf("Services, the edge and residency entries together");
    const start = readme.indexOf("```json", at) + "```json".length;
    const snippet = JSON.parse(`{${readme.slice(start, readme.indexOf("```", start))}}`);
    const spec = {
      ...baseSpec(),
      ...snippet,
      allowedRegions: ["eu-central-1", "eu-west-2"],
      buckets: [{ name: "documents" }],
      secrets: [{ name: "api-key" }],
      database: { engine: "postgres", version: "16" },
      cache: { engine: "valkey", version: "8" },
      environments: { prod: { accountId: "333333333333" } },
    };
    const result = validateSpec(spec);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});
