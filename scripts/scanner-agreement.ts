/**
 * How far the guardrails agree with the scanners' own test material (issue #11).
 *
 *   node --import tsx scripts/scanner-agreement.ts <checkov-git-dir> <trivy-checks-git-dir>
 *     [--rule ID] [--json out.json]
 *
 * Both arguments are git directories (bare clones) of bridgecrewio/checkov and
 * aquasecurity/trivy-checks; HEAD is read. Not part of `npm test`: CI has neither clone.
 *
 * Checkov, per resource: for each rule's Checkov id, the check's unit test
 * (tests/terraform/checks/resource/aws/test_<Check>.py) gives passing and failing resource
 * addresses (runner tests over example_<Check>/), or one verdict per test function over an
 * inline HCL string or a resource_conf dict; graph checks give expected.yaml beside their
 * .tf files. Trivy, per example file: each check's .yaml holds terraform good/bad examples;
 * good agrees when no rule carrying the Trivy id fails, bad when at least one does.
 * Our `unknown` blocks synth, so it counts as a failure. HCL goes through @cdktf/hcl2json;
 * what it cannot parse, and addresses inside modules, are counted as skipped.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { parse } from "@cdktf/hcl2json";
import { evaluate, isBlocking } from "../guardrails/engine";
import { evalJsonencode } from "../guardrails/input";
import type { TfJsonDocument } from "../guardrails/graph";
import { ALL_RULES } from "../guardrails/rules";
import type { Rule } from "../guardrails/types";

const yaml = require("js-yaml") as { load(s: string): unknown };

type Expect = "pass" | "fail";
interface Case {
  scanner: "checkov" | "trivy";
  id: string;
  source: string;
  subject: string;
  expected: Expect;
  got?: Expect;
  note?: string;
}
interface Skip {
  scanner: "checkov" | "trivy";
  id: string;
  source: string;
  reason: string;
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const onlyRule = opt("--rule");
const jsonOut = opt("--json");
const [checkovDir, trivyDir] = args;
if (!checkovDir || !trivyDir) {
  console.error("usage: scanner-agreement.ts <checkov-git-dir> <trivy-checks-git-dir> [--rule ID] [--json out.json]");
  process.exit(2);
}

const git = (dir: string, ...a: string[]) => execFileSync("git", [`--git-dir=${dir}`, ...a], { encoding: "utf8", maxBuffer: 1 << 28 });
const show = (dir: string, path: string) => git(dir, "show", `HEAD:${path}`);
const tree = (dir: string) => git(dir, "ls-tree", "-r", "HEAD", "--name-only").split("\n").filter(Boolean);

const cases: Case[] = [];
const skips: Skip[] = [];

/** `${var.x}` / `${local.x}` whole-string values replaced by the variable's default or the local's value. */
function substituteVariables(doc: Record<string, unknown>): TfJsonDocument {
  const values = new Map<string, unknown>();
  for (const [name, blocks] of Object.entries((doc.variable ?? {}) as Record<string, unknown[]>)) {
    const d = (blocks as Record<string, unknown>[])[0]?.default;
    if (d !== undefined) values.set(`var.${name}`, d);
  }
  for (const block of (doc.locals ?? []) as Record<string, unknown>[]) {
    for (const [k, v] of Object.entries(block)) values.set(`local.${k}`, v);
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const m = /^\$\{((?:var|local)\.[A-Za-z0-9_-]+)\}$/.exec(v);
      return m && values.has(m[1]) ? values.get(m[1]) : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return { ...doc, resource: walk(doc.resource), data: walk(doc.data) } as TfJsonDocument;
}

async function hclToDoc(files: Record<string, string>): Promise<TfJsonDocument> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const [name, text] of Object.entries(files)) {
    const doc = (await parse(name, text)) as Record<string, Record<string, unknown>>;
    for (const [block, body] of Object.entries(doc)) {
      if (block === "locals") {
        merged.locals = [...((merged.locals as unknown as unknown[]) ?? []), ...(body as unknown as unknown[])] as never;
        continue;
      }
      merged[block] ??= {};
      for (const [type, byName] of Object.entries(body)) {
        merged[block][type] = { ...((merged[block][type] as object) ?? {}), ...(byName as object) };
      }
    }
  }
  merged.resource = (await evalJsonencode(merged.resource ?? {}, parse)) as Record<string, unknown>;
  if (merged.data) merged.data = (await evalJsonencode(merged.data, parse)) as Record<string, unknown>;
  return substituteVariables(merged);
}

/** Our verdict per address for these rules: fail when any failed or is unknown. */
function verdicts(doc: TfJsonDocument, rules: readonly Rule[]): Map<string, { v: Expect; note?: string }> {
  const out = new Map<string, { v: Expect; note?: string }>();
  for (const f of evaluate("agreement", doc, [], rules).findings) {
    const bad = isBlocking(f);
    // Checkov names a data source without its `data.` prefix (aws_iam_policy_document.x).
    const address = f.address.startsWith("data.") ? f.address.slice("data.".length) : f.address;
    const prev = out.get(address);
    if (!prev || (bad && prev.v === "pass"))
      out.set(address, { v: bad ? "fail" : "pass", note: bad ? `${f.status}: ${f.detail}` : undefined });
  }
  return out;
}

// ---------- Checkov ----------

/** Python reads the unit test (ast), so dict literals and triple-quoted HCL come out exactly. */
const PY_EXTRACT = String.raw`
import ast, json, sys
src = sys.stdin.read()
tree = ast.parse(src)
out = {"sets": {}, "dirs": [], "funcs": []}
def const(n):
    try: return ast.literal_eval(n)
    except Exception: return None
for node in ast.walk(tree):
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        name = node.targets[0].id
        if name in ("passing_resources", "failing_resources"):
            v = const(node.value)
            if v is not None: out["sets"][name] = sorted(v)
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and "example_" in node.value and "\n" not in node.value:
        out["dirs"].append(node.value)
for fn in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name.startswith("test")]:
    hcl, conf, addr, expected = None, None, None, None
    for n in ast.walk(fn):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "loads" and n.args:
            hcl = const(n.args[0])
        if isinstance(n, ast.Assign) and isinstance(n.value, ast.Dict):
            v = const(n.value)
            if isinstance(v, dict): conf = v
        if isinstance(n, ast.Subscript):
            keys = []
            s = n
            while isinstance(s, ast.Subscript):
                keys.insert(0, const(s.slice)); s = s.value
            if len(keys) >= 4 and keys[0] == "resource": addr = [keys[2], keys[3]]
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "CheckResult":
            if n.attr in ("PASSED", "FAILED"): expected = n.attr
    out["funcs"].append({"name": fn.name, "hcl": hcl, "conf": conf, "addr": addr, "expected": expected})
print(json.dumps(out))
`;

interface PyTest {
  sets: { passing_resources?: string[]; failing_resources?: string[] };
  dirs: string[];
  funcs: {
    name: string;
    hcl: string | null;
    conf: Record<string, unknown> | null;
    addr: [string, string] | null;
    expected: string | null;
  }[];
}
const pyExtract = (src: string): PyTest => JSON.parse(execFileSync("python3", ["-c", PY_EXTRACT], { input: src, encoding: "utf8" }));

/** Checkov's resource_conf wraps every attribute value in a list; unwrap to Terraform JSON. */
function unwrapConf(v: unknown): unknown {
  if (Array.isArray(v)) {
    const inner = v.length === 1 && !(v[0] && typeof v[0] === "object" && !Array.isArray(v[0])) ? v[0] : v;
    return Array.isArray(inner) ? inner.map(unwrapConf) : unwrapConf(inner);
  }
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapConf(x)]));
  return v;
}

async function checkov(rulesById: Map<string, Rule[]>) {
  const files = tree(checkovDir);
  const classOf = new Map<string, string>();
  const supported = new Map<string, string[]>();
  for (const f of files.filter((p) => /^checkov\/terraform\/checks\/resource\/aws\/\w+\.py$/.test(p))) {
    const src = show(checkovDir, f);
    const id = /\bid\s*=\s*"(CKV2?_AWS_\d+)"/.exec(src)?.[1];
    if (!id || !rulesById.has(id)) continue;
    const name = f.split("/").pop()!.replace(/\.py$/, "");
    classOf.set(id, name);
    const sr = /supported_resources\s*=\s*[([]([^)\]]*)[)\]]/.exec(src)?.[1] ?? "";
    supported.set(
      id,
      [...sr.matchAll(/["']([\w]+)["']/g)].map((m) => m[1]),
    );
  }
  // Data-source checks (checkov/terraform/checks/data/aws): their unit test imports the check module.
  const dataTest = new Map<string, string>();
  for (const f of files.filter((p) => /^checkov\/terraform\/checks\/data\/aws\/\w+\.py$/.test(p))) {
    const id = /\bid\s*=\s*"(CKV2?_AWS_\d+)"/.exec(show(checkovDir, f))?.[1];
    if (!id || !rulesById.has(id)) continue;
    const mod = f.replace(/\.py$/, "").replace(/\//g, ".");
    const test = files
      .filter((p) => /^tests\/terraform\/checks\/data\/aws\/test_\w+\.py$/.test(p))
      .find((p) => show(checkovDir, p).includes(`from ${mod} import check`));
    if (test) dataTest.set(id, test);
  }
  const graphOf = new Map<string, string>();
  for (const f of files.filter((p) => /^checkov\/terraform\/checks\/graph_checks\/aws\/\w+\.(yaml|json)$/.test(p))) {
    const id = /\bid"?:\s*"?(CKV2?_AWS_\d+)/.exec(show(checkovDir, f))?.[1];
    if (id && rulesById.has(id))
      graphOf.set(
        id,
        f
          .split("/")
          .pop()!
          .replace(/\.(yaml|json)$/, ""),
      );
  }

  for (const [id, rules] of rulesById) {
    const push = (source: string, subject: string, expected: Expect, got: { v: Expect; note?: string } | undefined) =>
      cases.push({ scanner: "checkov", id, source, subject, expected, got: got?.v ?? "pass", note: got?.note });
    const tfFilesUnder = (dir: string) =>
      Object.fromEntries(
        files
          .filter((p) => p.startsWith(`${dir}/`) && p.endsWith(".tf") && !p.slice(dir.length + 1).includes("/"))
          .map((p) => [p, show(checkovDir, p)]),
      );
    const runOnDir = async (dir: string, pass: string[], failing: string[]) => {
      let doc: TfJsonDocument;
      try {
        doc = await hclToDoc(tfFilesUnder(dir));
      } catch (e) {
        skips.push({ scanner: "checkov", id, source: dir, reason: `hcl2json: ${(e as Error).message.split("\n")[0]}` });
        return;
      }
      const v = verdicts(doc, rules);
      const defined = new Set(
        ["resource", "data"].flatMap((block) =>
          Object.entries((doc[block] ?? {}) as Record<string, object>).flatMap(([type, byName]) =>
            Object.keys(byName).map((n) => `${type}.${n}`),
          ),
        ),
      );
      for (const [list, expected] of [
        [pass, "pass"],
        [failing, "fail"],
      ] as const) {
        for (const addr of list) {
          if (addr.includes("module.") || addr.includes("[") || addr.split(".").length !== 2) {
            skips.push({ scanner: "checkov", id, source: dir, reason: `address in a module or indexed: ${addr}` });
          } else if (pass.includes(addr) && failing.includes(addr)) {
            // A same-named resource in a subdirectory (another root module) the test also scans.
            if (expected === "pass") skips.push({ scanner: "checkov", id, source: dir, reason: `listed as passing and failing: ${addr}` });
          } else if (!defined.has(addr)) {
            // The test's plan-file half names resources that only its tfplan.json holds.
            skips.push({ scanner: "checkov", id, source: dir, reason: `not in the example's .tf files: ${addr}` });
          } else push(dir, addr, expected, v.get(addr));
        }
      }
    };

    const graph = graphOf.get(id);
    if (graph) {
      const dir = `tests/terraform/graph/checks/resources/${graph}`;
      if (!files.includes(`${dir}/expected.yaml`)) {
        skips.push({ scanner: "checkov", id, source: dir, reason: "graph check without expected.yaml" });
        continue;
      }
      const exp = (yaml.load(show(checkovDir, `${dir}/expected.yaml`)) ?? {}) as { pass?: string[]; fail?: string[] };
      await runOnDir(dir, exp.pass ?? [], exp.fail ?? []);
      continue;
    }
    const cls = classOf.get(id);
    const testPath = dataTest.get(id) ?? `tests/terraform/checks/resource/aws/test_${cls}.py`;
    if ((!cls && !dataTest.has(id)) || !files.includes(testPath)) {
      skips.push({ scanner: "checkov", id, source: cls ?? "(no check class)", reason: "no unit test" });
      continue;
    }
    const t = pyExtract(show(checkovDir, testPath));
    if (t.sets.passing_resources || t.sets.failing_resources) {
      const dirName = t.dirs.map((d) => d.replace(/^\//, "")).find((d) => d.startsWith("example_"));
      if (!dirName) {
        skips.push({ scanner: "checkov", id, source: testPath, reason: "no example dir found" });
        continue;
      }
      await runOnDir(
        `${testPath.slice(0, testPath.lastIndexOf("/"))}/${dirName}`,
        t.sets.passing_resources ?? [],
        t.sets.failing_resources ?? [],
      );
      continue;
    }
    for (const fn of t.funcs) {
      const source = `${testPath}::${fn.name}`;
      if (!fn.expected) {
        skips.push({ scanner: "checkov", id, source, reason: "no PASSED/FAILED assertion" });
        continue;
      }
      const expected: Expect = fn.expected === "PASSED" ? "pass" : "fail";
      let doc: TfJsonDocument;
      let addr: string;
      if (fn.hcl && fn.addr) {
        try {
          doc = await hclToDoc({ "test.tf": fn.hcl });
        } catch (e) {
          skips.push({ scanner: "checkov", id, source, reason: `hcl2json: ${(e as Error).message.split("\n")[0]}` });
          continue;
        }
        addr = fn.addr.join(".");
      } else if (fn.conf) {
        const type = supported.get(id)?.[0];
        if (!type) {
          skips.push({ scanner: "checkov", id, source, reason: "resource_conf without a known resource type" });
          continue;
        }
        doc = { resource: { [type]: { subject: unwrapConf(fn.conf) as Record<string, unknown> } } };
        addr = `${type}.subject`;
      } else {
        skips.push({ scanner: "checkov", id, source, reason: "no HCL or resource_conf literal" });
        continue;
      }
      push(source, addr, expected, verdicts(doc, rules).get(addr));
    }
  }
}

// ---------- Trivy ----------

async function trivy(rulesByTrivy: Map<string, Rule[]>) {
  const files = tree(trivyDir);
  for (const rego of files.filter((p) => /^checks\/cloud\/aws\/.+(?<!_test)\.rego$/.test(p))) {
    const src = show(trivyDir, rego);
    const id = /^#\s+id:\s*(AWS-\d+)/m.exec(src)?.[1];
    if (!id || !rulesByTrivy.has(id)) continue;
    const examples = /^#\s+examples:\s*(\S+)/m.exec(src)?.[1] ?? rego.replace(/\.rego$/, ".yaml");
    if (!files.includes(examples)) {
      skips.push({ scanner: "trivy", id, source: rego, reason: "no examples file" });
      continue;
    }
    if (/^#\s+deprecated:\s*true/m.test(src)) skips.push({ scanner: "trivy", id, source: rego, reason: "check is deprecated" });
    const ex = (yaml.load(show(trivyDir, examples)) ?? {}) as { terraform?: { good?: string[]; bad?: string[] } };
    const rules = rulesByTrivy.get(id)!;
    for (const [list, expected] of [
      [ex.terraform?.good ?? [], "pass"],
      [ex.terraform?.bad ?? [], "fail"],
    ] as const) {
      for (const [i, hcl] of list.entries()) {
        const source = `${examples}#${expected === "pass" ? "good" : "bad"}[${i}]`;
        let doc: TfJsonDocument;
        try {
          doc = await hclToDoc({ "main.tf": hcl });
        } catch (e) {
          skips.push({ scanner: "trivy", id, source, reason: `hcl2json: ${(e as Error).message.split("\n")[0]}` });
          continue;
        }
        const bad = [...verdicts(doc, rules)].filter(([, v]) => v.v === "fail");
        cases.push({
          scanner: "trivy",
          id,
          source,
          subject: "(file)",
          expected,
          got: bad.length > 0 ? "fail" : "pass",
          note: bad.map(([a, v]) => `${a} ${v.note}`).join("; ") || undefined,
        });
      }
    }
  }
}

async function main() {
  const rules = ALL_RULES.filter((r) => !onlyRule || r.id === onlyRule || r.checkov === onlyRule || r.trivy?.includes(onlyRule));
  const byCheckov = new Map<string, Rule[]>();
  const byTrivy = new Map<string, Rule[]>();
  for (const r of rules) {
    if (r.checkov) byCheckov.set(r.checkov, [...(byCheckov.get(r.checkov) ?? []), r]);
    for (const t of r.trivy ?? []) if (/^AWS-\d+$/.test(t)) byTrivy.set(t, [...(byTrivy.get(t) ?? []), r]);
  }
  await checkov(byCheckov);
  await trivy(byTrivy);

  for (const scanner of ["checkov", "trivy"] as const) {
    const cs = cases.filter((c) => c.scanner === scanner);
    const ids = [...new Set(cs.map((c) => c.id))].sort();
    console.log(`\n== ${scanner}: per check (agree/total) ==`);
    const rows = ids.map((id) => {
      const mine = cs.filter((c) => c.id === id);
      const ok = mine.filter((c) => c.got === c.expected).length;
      return `${id} ${ok}/${mine.length}${ok < mine.length ? " <" : ""}`;
    });
    for (let i = 0; i < rows.length; i += 6)
      console.log(
        "  " +
          rows
            .slice(i, i + 6)
            .map((r) => r.padEnd(20))
            .join(""),
      );
    const dis = cs.filter((c) => c.got !== c.expected);
    console.log(`\n== ${scanner}: disagreements (${dis.length}) ==`);
    for (const c of dis)
      console.log(`  ${c.id} ${c.source} ${c.subject}: scanner ${c.expected}, ours ${c.got}${c.note ? ` (${c.note.slice(0, 160)})` : ""}`);
    const sk = skips.filter((s) => s.scanner === scanner);
    console.log(`\n== ${scanner}: skipped (${sk.length}) ==`);
    for (const s of sk) console.log(`  ${s.id} ${s.source}: ${s.reason}`);
  }
  console.log("\n== summary ==");
  for (const scanner of ["checkov", "trivy"] as const) {
    const cs = cases.filter((c) => c.scanner === scanner);
    const ok = cs.filter((c) => c.got === c.expected).length;
    const checks = new Set(cs.map((c) => c.id)).size;
    const pct = cs.length ? ((100 * ok) / cs.length).toFixed(1) : "n/a";
    const skipped = skips.filter((s) => s.scanner === scanner).length;
    console.log(`${scanner}: ${ok}/${cs.length} verdicts agree (${pct} %) over ${checks} checks; ${skipped} skipped`);
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ cases, skips }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
