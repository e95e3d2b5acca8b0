/**
 * `npm run report`: the one-screen summary of the last synth (cdktf.out, or CDKTF_OUTDIR):
 * per stack the guardrail checks, the controls met, external and missing, and the monthly
 * cost estimate, then where the page with diagrams and details is. Reads only what synth wrote.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
const stacksDir = join(outdir, "stacks");
const page = join(outdir, "report.html");
/** Why there is no report, on stderr; exit 2. */
function refuse(message: string): never {
  console.error(`report: ${message}`);
  process.exit(2);
}
// Synth writes both, or neither: without them there is nothing to sum up.
if (!existsSync(stacksDir) || readdirSync(stacksDir).length === 0 || !existsSync(page)) {
  refuse(`no synth output in ${outdir} (stacks and report.html); run 'npm run synth' first`);
}
const rewrite = `run 'npm run synth' again to rewrite ${outdir}`;
/** A file synth wrote beside a stack, undefined when absent; one that is not what synth writes ends the report (exit 2). */
const read = <T>(stack: string, file: string, wellFormed: (value: any) => boolean): T | undefined => {
  const path = join(stacksDir, stack, file);
  if (!existsSync(path)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    return refuse(`${path} is not valid JSON (${(e as Error).message}); ${rewrite}`);
  }
  return wellFormed(value) ? (value as T) : refuse(`${path} does not hold what synth writes there; ${rewrite}`);
};
const isCount = (n: unknown) => typeof n === "number" && Number.isFinite(n);
type Counts = { passed: number; suppressed: number; failed: number; unknown: number };
type Controls = { controls: { control: string; framework: string; status: string }[] };

const rows = readdirSync(stacksDir)
  .sort()
  .map((stack) => {
    const checks = read<{ summary: Counts }>(stack, "guardrails.json", (v) =>
      ["passed", "suppressed", "failed", "unknown"].every((k) => isCount(v?.summary?.[k])),
    )?.summary;
    const controls = read<Controls>(stack, "compliance.json", (v) => Array.isArray(v?.controls))?.controls ?? [];
    const cost = read<{ totalUsd: number; budgetUsd?: number }>(stack, "cost.json", (v) => isCount(v?.totalUsd));
    const n = (s: string) => controls.filter((c) => c.status === s).length;
    const gaps = controls.filter((c) => c.status === "gap" || c.status === "not-met").map((c) => `${c.framework} ${c.control}`);
    return { stack, checks, met: n("met"), external: n("external"), gaps, cost };
  });

const width = Math.max(5, ...rows.map((r) => r.stack.length));
console.log(`Report of ${outdir} (${rows.length} stack${rows.length === 1 ? "" : "s"})`);
console.log(`${"stack".padEnd(width)}  checks passed  suppressed  failed  controls met/external/gap  cost per month (budget)`);
for (const r of rows) {
  const c = r.checks;
  const budget = r.cost?.budgetUsd;
  const over = budget !== undefined && r.cost!.totalUsd > budget ? " OVER BUDGET" : "";
  const cost = r.cost ? `$${r.cost.totalUsd.toFixed(0)}${budget !== undefined ? ` ($${budget})` : ""}${over}` : "-";
  const checks = c
    ? `${String(c.passed).padStart(13)}  ${String(c.suppressed).padStart(10)}  ${String(c.failed + c.unknown).padStart(6)}`
    : "no guardrails.json".padStart(33);
  console.log(`${r.stack.padEnd(width)}  ${checks}  ${`${r.met}/${r.external}/${r.gaps.length}`.padStart(25)}  ${cost}`);
}
const gaps = rows.flatMap((r) => r.gaps.map((g) => `${r.stack}: ${g}`));
console.log(gaps.length ? `Gaps or controls not met:\n  ${gaps.join("\n  ")}` : "No control is a gap.");
console.log(`Diagrams, controls, costs and every suppression's reason: open ${page}`);
