/**
 * `cdktf.out/report.html`: one self-contained page for someone who never opens a terminal.
 * Per stack: the guardrail checks, the controls met, external and missing, the architecture
 * diagram, the cost estimate and every suppression with its reason. No network: Mermaid is
 * inlined from the installed package and renders the diagrams in the browser (nothing is
 * rendered at synth), and the page's Content-Security-Policy forbids every fetch.
 */
import { readFileSync } from "node:fs";
import type { WriteFile } from "../guardrails/reports";
import { PRICES_RECORDED } from "./prices";
import type { StackEvidence } from "./write";

/** The page's name at the top of the output folder. */
export const REPORT_PAGE = "report.html";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Mermaid's browser bundle as bytes, safe to inline in a <script> element: copied as read
 * (5 MB; decoding it into a string would cost more memory than the rest of the synth).
 */
function mermaidScript(): Buffer {
  const bytes = readFileSync(require.resolve("mermaid/dist/mermaid.min.js"));
  if (bytes.indexOf("</script") === -1 && bytes.indexOf("</SCRIPT") === -1) return bytes;
  return Buffer.from(bytes.toString("utf8").replace(/<\/script/gi, "<\\/script"));
}

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1rem 2rem; color: #1c1c1c; }
nav a { margin-right: 0.8rem; }
section { border-top: 2px solid #ddd; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; }
.status-met { color: #0a6b2e; font-weight: 600; }
.status-external { color: #1f4e9c; font-weight: 600; }
.status-gap, .status-not-met { color: #a4161a; font-weight: 700; }
pre.mermaid { background: #fafafa; border: 1px solid #eee; padding: 0.5rem; overflow-x: auto; }
.note { color: #555; font-size: 0.9em; }
`;

/** No request of any kind: scripts and styles are inline, images data URLs. */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

const costRow = (l: { item: string; quantity: string; monthlyUsd: number }) =>
  `<tr><td>${escapeHtml(l.item)}</td><td>${escapeHtml(l.quantity)}</td><td class="num">$${l.monthlyUsd.toFixed(2)}</td></tr>`;

function stackSection(e: StackEvidence): string {
  const c = e.checks;
  const anchor = escapeHtml(e.stack);
  const controls = e.compliance.controls
    .map(
      (k) =>
        `<tr><td>${escapeHtml(`${k.framework} ${k.control}`)}</td><td>${escapeHtml(k.title)}</td>` +
        `<td class="status-${k.status}">${k.status}${k.externalReason ? `: ${escapeHtml(k.externalReason)}` : ""}` +
        `${k.shortfalls ? ` (${escapeHtml(k.shortfalls.join("; "))})` : ""}` +
        `${k.closeGap ? `: to close it, ${escapeHtml(k.closeGap)}` : ""}</td>` +
        `<td class="num">${k.implementedBy.length}</td></tr>`,
    )
    .join("\n");
  const cost = e.cost
    ? `<h3>Cost estimate (USD per month)</h3>
<table><tr><th>Item</th><th>Quantity</th><th>Monthly</th></tr>
${e.cost.lines.map(costRow).join("\n")}
<tr><th>Total</th><td></td><th class="num">$${e.cost.totalUsd.toFixed(2)}</th></tr></table>
<p class="note">An estimate from list prices recorded ${PRICES_RECORDED} and written-out assumptions (cost.md beside the stack)` +
      `${e.budgetUsd !== undefined ? `; budget in the config: $${e.budgetUsd.toFixed(2)}` : ""}.</p>`
    : "";
  const suppressed = e.suppressed.length
    ? `<h3>Suppressed findings</h3><ul>${e.suppressed
        .map(
          (s) => `<li><strong>${escapeHtml(s.rule)}</strong> on <code>${escapeHtml(s.address)}</code>: ${escapeHtml(s.justification)}</li>`,
        )
        .join("\n")}</ul>`
    : "<p>No suppressed findings.</p>";
  return (
    `<section id="${anchor}">
<h2>${anchor}</h2>
<p>${c.passed} checks passed, ${c.suppressed} suppressed, ${c.failed} failed, ${c.unknown} unknown ` +
    `(${c.rulesApplied} rules on ${c.resources} resources).</p>
<h3>Controls</h3>
<table><tr><th>Control</th><th>What it requires</th><th>Status</th><th>Resources</th></tr>
${controls}</table>
<h3>Architecture</h3>
<pre class="mermaid">${escapeHtml(e.mermaid)}</pre>
${cost}
${suppressed}
</section>`
  );
}

/** Write the page for every stack of a synth to `file`, by `write`. */
export function writeReportHtml(file: string, stacks: readonly StackEvidence[], write: WriteFile): void {
  const page = reportHtml(stacks);
  // The last one: user text (a suppression's reason) could hold the same characters.
  const at = page.lastIndexOf(MERMAID_PLACEHOLDER);
  const text = (s: string) => Buffer.from(s, "utf8");
  write(file, Buffer.concat([text(page.slice(0, at)), mermaidScript(), text(page.slice(at + MERMAID_PLACEHOLDER.length))]));
}

const MERMAID_PLACEHOLDER = "/* mermaid */";

/** The page, with a placeholder where Mermaid's bundle goes. */
function reportHtml(stacks: readonly StackEvidence[]): string {
  const gaps = stacks.flatMap((s) => s.compliance.controls.filter((c) => c.status === "gap" || c.status === "not-met"));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Infrastructure report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Infrastructure report</h1>
<p>${stacks.length} stacks, written by synth from the Terraform it will apply: guardrail checks, HIPAA and GDPR controls,
architecture and cost. ${gaps.length ? `<strong>${gaps.length} controls are gaps or not met.</strong>` : "No control is a gap."}
This page works offline.</p>
<nav>${stacks.map((s) => `<a href="#${escapeHtml(s.stack)}">${escapeHtml(s.stack)}</a>`).join(" ")}</nav>
${stacks.map(stackSection).join("\n")}
<script>${MERMAID_PLACEHOLDER}</script>
<script>mermaid.initialize({ startOnLoad: false, securityLevel: "strict", flowchart: { htmlLabels: false } });
mermaid.run({ querySelector: "pre.mermaid" });</script>
</body>
</html>
`;
}
