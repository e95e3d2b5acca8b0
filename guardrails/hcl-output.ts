/**
 * HCL output (`npm run synth -- --hcl`): cdktf renders each stack as `cdk.tf`; we repair
 * strings cdktf renders without escaping, format it, and write every suppression as the
 * scanners' own inline comments, the only per-resource suppression Checkov honours for
 * CDKTF output (its .tf.json reader honours none):
 *   # trivy:ignore:AWS-0132        on the lines above the resource block
 *   # checkov:skip=CKV_AWS_145:... as the first line inside it
 */
import type { StackReport } from "./engine";
import type { TfJsonDocument } from "./graph";
import { trivyAwsIds } from "./types";
import { compileWasmQuickly } from "./wasm";

/**
 * cdktf renders a string that contains `${...}` tokens between quotes without escaping it,
 * so a JSON policy with a reference becomes invalid HCL. Every such value is known from the
 * stack's Terraform JSON: replace its broken rendering with a properly escaped one.
 */
export function repairTokenStrings(hcl: string, doc: TfJsonDocument): string {
  const broken = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      if (v.includes("${") && /["\\\n]/.test(v)) broken.add(v);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(doc.resource);
  visit(doc.provider);
  let out = hcl;
  for (const value of [...broken].sort((a, b) => b.length - a.length)) {
    const escaped = hclTemplateLiteral(value);
    if (escaped !== value) out = out.split(`"${value}"`).join(`"${escaped}"`);
  }
  return out;
}

/**
 * The body of an HCL quoted template for `value`: literal text escaped, `${...}`
 * interpolations kept as they are (their quotes are HCL syntax, not string content).
 */
export function hclTemplateLiteral(value: string): string {
  let out = "";
  let i = 0;
  while (i < value.length) {
    if (value.startsWith("${", i)) {
      const end = interpolationEnd(value, i + 2);
      out += value.slice(i, end);
      i = end;
      continue;
    }
    const ch = value[i];
    if (value.startsWith("%{", i)) {
      out += "%%{";
      i += 2;
      continue;
    }
    out += ch === '"' ? '\\"' : ch === "\\" ? "\\\\" : ch === "\n" ? "\\n" : ch;
    i++;
  }
  return out;
}

/** Index just past the `}` that closes an interpolation whose body starts at `from`. */
function interpolationEnd(value: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < value.length && depth > 0) {
    const ch = value[i];
    if (ch === '"') {
      i++;
      while (i < value.length && value[i] !== '"') i += value[i] === "\\" ? 2 : 1;
    } else if (ch === "{") depth++;
    else if (ch === "}") depth--;
    i++;
  }
  return i;
}

/** Scanner comments for the suppressed findings of a stack, inserted into formatted HCL. */
export function insertSuppressionComments(hcl: string, report: StackReport): string {
  const byAddress = new Map<string, { checkov: Map<string, string>; trivy: Set<string> }>();
  for (const f of report.findings.filter((x) => x.status === "suppressed")) {
    const entry = byAddress.get(f.address) ?? { checkov: new Map(), trivy: new Set() };
    const scanners = f.suppressedFor ?? [];
    if (f.checkov && scanners.includes("checkov")) entry.checkov.set(f.checkov, oneLine(f.justification ?? ""));
    if (scanners.includes("trivy")) for (const t of trivyAwsIds(f)) entry.trivy.add(t);
    byAddress.set(f.address, entry);
  }
  const lines = hcl.split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const m = /^resource "([^"]+)" "([^"]+)" \{$/.exec(line);
    const entry = m ? byAddress.get(`${m[1]}.${m[2]}`) : undefined;
    if (!entry) {
      out.push(line);
      continue;
    }
    for (const id of entry.trivy) out.push(`# trivy:ignore:${id}`, `# trivy:ignore:AVD-${id}`);
    out.push(line);
    for (const [id, reason] of entry.checkov) out.push(`  # checkov:skip=${id}:${reason}`);
  }
  return out.join("\n");
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/** The final cdk.tf: repaired, formatted, annotated. */
export async function finishHcl(hcl: string, doc: TfJsonDocument, report: StackReport): Promise<string> {
  // Loaded here, not at the top: its Go WebAssembly costs ~0.1 s to start and keeps the
  // process alive after synth (main.ts exits), which JSON output (the default) never needs.
  compileWasmQuickly();
  const { format } = await import("@cdktf/hcl-tools");
  const formatted = await format(repairTokenStrings(hcl, doc));
  return insertSuppressionComments(formatted, report);
}
