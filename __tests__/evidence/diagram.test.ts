/**
 * The architecture diagram written beside each stack: parts where a reviewer expects them
 * (VPC tiers from the subnets, DR region apart) and arrows that follow the wiring.
 */
import { architectureDiagram, architectureMarkdown, type Diagram } from "../../evidence/diagram";
import type { TfJsonDocument } from "../../guardrails/graph";
import { appStackTf } from "../helpers";
import { exampleSpec } from "../examples/synthesize";
import type { EnvironmentName } from "../../config/schema";

const example = (file: string, env: EnvironmentName) => {
  const spec = exampleSpec(file);
  return architectureDiagram(appStackTf(spec, env) as TfJsonDocument, { drRegion: spec.drRegion });
};

const part = (d: Diagram, label: RegExp) => {
  const found = d.parts.filter((p) => label.test(p.label));
  expect(found).toHaveLength(1);
  return found[0];
};
const linked = (d: Diagram, from: string, to: string) => d.links.some(([a, b]) => a === from && b === to);

/** Mermaid's flowchart grammar as this generator uses it: ids, quoted labels, subgraph/end, arrows. */
function expectWellFormed(d: Diagram): void {
  const lines = d.mermaid.trimEnd().split("\n");
  expect(lines[0]).toBe("flowchart TB");
  const declared = new Set<string>();
  let depth = 0;
  for (const line of lines.slice(1)) {
    const t = line.trim();
    if (/^subgraph [A-Za-z_][A-Za-z0-9_]*\["[^"]*"\]$/.test(t)) depth++;
    else if (t === "end") depth--;
    else if (/^[A-Za-z_][A-Za-z0-9_]*\["[^"]*"\]$/.test(t)) declared.add(t.split("[")[0]);
    else {
      const arrow = /^([A-Za-z_][A-Za-z0-9_]*) --> ([A-Za-z_][A-Za-z0-9_]*)$/.exec(t);
      expect(arrow).not.toBeNull();
      expect(declared.has(arrow![1]) && declared.has(arrow![2])).toBe(true);
    }
    expect(depth).toBeGreaterThanOrEqual(0);
  }
  expect(depth).toBe(0);
  expect([...declared].sort()).toEqual(d.parts.map((p) => p.id).sort());
}

describe("architecture diagram", () => {
  it("draws R2's request path: WAF -> ALB in the public subnets -> ECS service in the app subnets -> database in the data subnets", () => {
    const d = example("ecs-hipaa.json", "prod");
    expectWellFormed(d);
    const waf = part(d, /^WAF web ACL/);
    const alb = part(d, /^Load balancer<br\/>carebow-prod-alb$/);
    const service = part(d, /^ECS service<br\/>carebow-prod-api$/);
    const db = part(d, /^RDS<br\/>carebow-prod-db$/);
    expect([waf.section, alb.section, service.section, db.section]).toEqual(["edge", "public", "app", "data"]);
    expect(linked(d, waf.id, alb.id)).toBe(true);
    expect(linked(d, alb.id, service.id)).toBe(true);
    expect(linked(d, service.id, db.id)).toBe(true);
    // what the task role was granted, and nothing it was not
    expect(linked(d, service.id, part(d, /^S3 bucket<br\/>carebow-prod-reports-/).id)).toBe(true);
    expect(linked(d, service.id, part(d, /^S3 bucket<br\/>carebow-prod-audit-\d+$/).id)).toBe(false);
    // parts of one rank are not linked to each other, and keys and logs carry no arrows
    const ids = new Map(d.parts.map((p) => [p.id, p]));
    for (const [a, b] of d.links) {
      expect(ids.get(a)!.section).not.toMatch(/security|observability/);
      expect(ids.get(b)!.section).not.toMatch(/security|observability/);
    }
  });

  it("keeps the DR region apart (R5: replica bucket, backup copies, DR GuardDuty and Config)", () => {
    const d = example("ecs-mysql-dr.json", "prod");
    expectWellFormed(d);
    const dr = d.parts.filter((p) => p.region !== undefined);
    expect(new Set(dr.map((p) => p.region))).toEqual(new Set(["us-west-2"]));
    expect(dr.map((p) => p.label.split("<br/>")[0])).toEqual(
      expect.arrayContaining(["GuardDuty", "AWS Config", "S3 bucket", "RDS backup copies"]),
    );
    expect(d.mermaid).toMatch(/subgraph region_us_west_2\["DR region us-west-2"\]\n(\s+\w+\["[^"]*"\]\n)+\s+end/);
    expect(part(d, /^RDS<br\/>omniportal-prod-db$/).section).toBe("data");
  });

  it("is embedded in Markdown as a mermaid block", () => {
    const d = example("apprunner-eu.json", "dev");
    expectWellFormed(d);
    const md = architectureMarkdown("orthosense-dev-app", d);
    expect(md).toContain("# Architecture of orthosense-dev-app");
    expect(md).toContain("```mermaid\nflowchart TB\n");
    expect(md.trimEnd().endsWith("```")).toBe(true);
  });
});
