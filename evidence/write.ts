/** What synth writes beside each stack for reviewers, auditors and budget owners: compliance evidence with the diagram, cost. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ResolvedEnvironment } from "../config/resolve";
import type { StackReport } from "../guardrails/engine";
import type { TfJsonDocument } from "../guardrails/graph";
import { complianceEvidence, complianceMarkdown } from "./compliance";
import type { OutsideTheStack } from "./controls";
import { costEstimate, costMarkdown } from "./cost";
import { architectureDiagram, architectureMarkdown } from "./diagram";

/** `compliance.json`, `compliance.md` (with the diagram) and, for an app stack, `cost.md` in `dir`, the stack's output folder. */
export function writeEvidence(dir: string, doc: TfJsonDocument, report: StackReport, environments: readonly ResolvedEnvironment[]): void {
  const env = environments.find((e) => e.stackNames.app === report.stack);
  const audit = env?.settings.audit;
  const outside: OutsideTheStack = audit
    ? { organizationTrail: !audit.cloudTrail, organizationMonitoring: !audit.guardDuty || !audit.awsConfig }
    : {};
  const evidence = complianceEvidence(doc, report, outside);
  const diagram = architectureMarkdown(report.stack, architectureDiagram(doc, { drRegion: env?.drRegion }));
  writeFileSync(join(dir, "compliance.json"), `${JSON.stringify(evidence, null, 2)}\n`);
  writeFileSync(join(dir, "compliance.md"), complianceMarkdown(evidence, diagram));
  if (env) {
    const cost = costEstimate(report.stack, doc, env.env);
    writeFileSync(join(dir, "cost.md"), costMarkdown(cost, env.env, env.settings.budget.monthlyLimitUsd));
  }
}
