/**
 * The reference systems (../shared/reference/systems.md) as configs: each validates and
 * synthesizes for dev, staging and prod with no blocking guardrail finding. Each system's
 * guide, bullet by bullet, is tested in __tests__/examples/<r>-<name>.test.ts.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { blocking } from "../guardrails/engine";
import { synthesizeExample as synthesize } from "./examples/synthesize";
import { resourcesOfType } from "./helpers";

const dir = join(__dirname, "..", "examples");
const examples = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe("reference system examples", () => {
  it("has one config per reference system", () => {
    expect(examples).toEqual(["apprunner-aurora.json", "apprunner-eu.json", "ecs-cdn-hipaa.json", "ecs-hipaa.json", "ecs-mysql-dr.json"]);
  });

  it.each(examples)("%s synthesizes dev, staging and prod with no blocking finding", (file) => {
    const { built, reports } = synthesize(file);
    expect(built.stacks.map((s) => s.stack.node.id.split("-").slice(-2).join("-"))).toEqual([
      "dev-bootstrap",
      "dev-app",
      "staging-bootstrap",
      "staging-app",
      "prod-bootstrap",
      "prod-app",
    ]);
    for (const r of reports) expect(blocking(r)).toEqual([]);
    for (const r of reports) expect(r.staleSuppressions).toEqual([]);
  });

  it.each(examples)("%s restricts prod state to its deploy role", (file) => {
    const { built, tf } = synthesize(file);
    const id = built.bootstrapStacks.find((b) => b.node.id.endsWith("-prod-bootstrap"))!.node.id;
    const policies = resourcesOfType(tf(id), "aws_s3_bucket_policy").map((p) => JSON.parse(p.policy).Statement);
    const deny = policies.flat().find((st: any) => st.Sid === "DenyStateAccessExceptTerraformRoles");
    expect(deny.Condition.ArnNotLike["aws:PrincipalArn"]).toEqual([
      expect.stringMatching(/^arn:aws:iam::333333333333:role\/[a-z]+-prod-deploy$/),
    ]);
  });
});
