/** What synth writes beside each stack for reviewers, auditors and budget owners: compliance evidence with the diagram, cost. */
import { join } from "node:path";
import type { EnvironmentName } from "../config/schema";
import type { ResolvedEnvironment } from "../config/resolve";
import type { StackReport } from "../guardrails/engine";
import type { TfGraph, TfJsonDocument } from "../guardrails/graph";
import { complianceEvidence, complianceMarkdown, suppressedFindings } from "./compliance";
import type { OutsideTheStack } from "./controls";
import { costEstimate, costMarkdown, type CostEstimate } from "./cost";
import { architectureDiagram, architectureMarkdown } from "./diagram";
import type { ComplianceEvidence, ControlEvidence } from "./compliance";
import { reportCounts, writeNow, type WriteFile } from "../guardrails/reports";

/** One stack's evidence, for the report page and `npm run report`. */
export interface StackEvidence {
  readonly stack: string;
  readonly checks: ReturnType<typeof reportCounts>;
  readonly suppressed: ControlEvidence["suppressions"];
  readonly compliance: ComplianceEvidence;
  /** The architecture diagram's Mermaid source. */
  readonly mermaid: string;
  /** App stacks only: the estimate, the config's budget, and their environment. */
  readonly cost?: CostEstimate;
  readonly budgetUsd?: number;
  readonly environment?: EnvironmentName;
}

/** The transfers an environment's config declares, as the evidence lists them. */
function transfersOf(env: ResolvedEnvironment): string[] {
  return [
    ...env.residencyExceptions.map((e) => `${e.resource} in ${e.region} (residency exception). Holds: ${e.holds} Why: ${e.reason}`),
    ...env.residencyAcknowledgements.map((a) => `${a.region}, an allowed region outside the EEA (acknowledged): ${a.reason}`),
  ];
}

/**
 * `compliance.json`, `compliance.md` (with the diagram) and, for an app stack, `cost.md` and
 * `cost.json` in `dir`, the stack's output folder, by `write`; returns what it wrote for the report page.
 */
export function writeEvidence(
  dir: string,
  doc: TfJsonDocument | TfGraph,
  report: StackReport,
  environments: readonly ResolvedEnvironment[],
  write: WriteFile = writeNow,
): StackEvidence {
  const env = environments.find((e) => e.stackNames.app === report.stack);
  // Stacks that serve an environment's app stack: the bootstrap, and the GitHub roles' own stack.
  const bootstrapOf = environments.find((e) => e.stackNames.bootstrap === report.stack || e.delivery?.ownStack?.stackName === report.stack);
  const audit = (env ?? bootstrapOf)?.settings.audit;
  const outside: OutsideTheStack = {
    ...(audit ? { organizationTrail: !audit.cloudTrail, organizationMonitoring: !audit.guardDuty || !audit.awsConfig } : {}),
    ...(bootstrapOf ? { accountCoveredBy: bootstrapOf.stackNames.app, identitiesOutside: true } : {}),
    ...(env ? { transfers: transfersOf(env) } : {}),
  };
  const evidence = complianceEvidence(doc, report, outside);
  const diagram = architectureDiagram(doc, { drRegion: env?.drRegion });
  write(join(dir, "compliance.json"), `${JSON.stringify(evidence, null, 2)}\n`);
  write(join(dir, "compliance.md"), complianceMarkdown(evidence, architectureMarkdown(report.stack, diagram)));
  const cost = env && costEstimate(report.stack, doc, env.env);
  const budgetUsd = env?.settings.budget.monthlyLimitUsd;
  if (env && cost) {
    write(join(dir, "cost.md"), costMarkdown(cost, env.env, budgetUsd));
    write(join(dir, "cost.json"), `${JSON.stringify({ ...cost, budgetUsd }, null, 2)}\n`);
  }
  return {
    stack: report.stack,
    checks: reportCounts(report),
    suppressed: suppressedFindings(report.findings),
    compliance: evidence,
    mermaid: diagram.mermaid,
    cost,
    budgetUsd,
    environment: env?.env,
  };
}
