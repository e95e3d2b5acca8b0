/**
 * R1 and R3 run on App Runner, which closed to new AWS customers: moving them to ECS is the
 * word `kind` on each service (the ALB's domains and the services' routing are already in
 * their configs, unused while they run on App Runner). Every environment then synthesizes
 * clean, with the services behind the ALB and no App Runner left.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { blocking } from "../../guardrails/engine";
import { enforce } from "../../guardrails/enforce";
import { buildInMemory, buildWithAspects, builtStack, resourcesOfType, validSpec, type TfJson } from "../helpers";
import { EXAMPLES_DIR, exampleSpec } from "./synthesize";

describe.each([
  ["apprunner-eu.json", "orthosense", ["api"]],
  ["apprunner-aurora.json", "periodtracker", ["api", "cms"]],
])("%s on ECS", (file, app, services) => {
  const text = readFileSync(join(EXAMPLES_DIR, file), "utf8");
  const switched = text.replace(/"kind": "apprunner"/g, '"kind": "ecs"');

  it("is one word per service", () => {
    const changed = text.split("\n").filter((line, i) => line !== switched.split("\n")[i]);
    expect(changed).toHaveLength(services.length);
    for (const line of changed) expect(line.trim()).toBe('"kind": "apprunner",');
  });

  it("synthesizes every environment clean, the services behind the ALB", () => {
    const built = buildWithAspects(validSpec(JSON.parse(switched)));
    for (const report of enforce(built.stacks)) expect(blocking(report)).toEqual([]);
    const prod = builtStack(built, `${app}-prod-app`).stack.toTerraform() as TfJson;
    expect(resourcesOfType(prod, "aws_apprunner_service")).toEqual([]);
    expect(
      resourcesOfType(prod, "aws_ecs_service")
        .map((s) => s.name)
        .sort(),
    ).toEqual(services.map((s) => `${app}-prod-${s}`));
    expect(resourcesOfType(prod, "aws_lb")).toHaveLength(1);
    expect(resourcesOfType(prod, "aws_lb_target_group")).toHaveLength(services.length);
  });
});

describe("hosted zones", () => {
  it("each environment looks up only the zones its own names need (another account's zone is not readable)", () => {
    const built = buildInMemory(exampleSpec("ecs-cdn-hipaa.json"), { attachGuardrails: false });
    const zones = (env: string) => {
      const tf = builtStack(built, `mediflow-${env}-app`).stack.toTerraform() as TfJson;
      return Object.values((tf.data?.aws_route53_zone ?? {}) as Record<string, { name: string }>).map((z) => z.name);
    };
    expect(zones("dev")).toEqual(["dev.mediflow.example.com"]);
    expect(zones("prod")).toEqual(["mediflow.example.com"]);
  });
});
