/**
 * `npm run synth -- --hcl`: cdk.tf must parse back (hcl2json) to the same resources and
 * values as cdk.tf.json, give the same guardrail verdicts, and carry each suppression as
 * the scanners' inline comments in the right block.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "@cdktf/hcl2json";
import { evaluate } from "../../guardrails/engine";
import type { TfJsonDocument } from "../../guardrails/graph";
import { hclTemplateLiteral, repairTokenStrings } from "../../guardrails/hcl-output";
import { filesBelow, withoutConfigWarnings } from "../helpers";

const root = resolve(__dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "hcl-"));
const synth = (out: string, ...args: string[]) =>
  spawnSync(process.execPath, ["scripts/synth.js", ...args], {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: out, SYNTH_HCL_OUTPUT: "" },
    encoding: "utf8",
  });

/** Blocks as cdktf writes them (object or list of one) and as hcl2json reads them (list) compare equal. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v))
    return v.length === 1 && typeof v[0] === "object" && v[0] !== null && !Array.isArray(v[0]) ? normalize(v[0]) : v.map(normalize);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== "//")
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, normalize(x)]),
    );
  }
  // The formatter may re-space an expression (`{ "A" = x }`); spacing is not meaning.
  if (typeof v === "string" && v.startsWith("${") && v.endsWith("}")) return v.replace(/\s+/g, "");
  return v;
}
const verdicts = (doc: Record<string, unknown>) =>
  evaluate("s", doc as TfJsonDocument)
    .findings.map((f) => `${f.address} ${f.ruleId} ${f.status}`)
    .sort();

const jsonOut = join(work, "json");
const hclOut = join(work, "hcl");
let stacks: string[] = [];
const jsonOf = (stack: string) => JSON.parse(readFileSync(join(jsonOut, "stacks", stack, "cdk.tf.json"), "utf8"));
const parsedHcl = new Map<string, Record<string, any>>();
/** A stack's cdk.tf as hcl2json reads it, parsed once per stack; each caller gets its own copy. */
async function hclOf(stack: string): Promise<Record<string, any>> {
  if (!parsedHcl.has(stack)) parsedHcl.set(stack, await parse("cdk.tf", readFileSync(join(hclOut, "stacks", stack, "cdk.tf"), "utf8")));
  return structuredClone(parsedHcl.get(stack)!);
}
beforeAll(() => {
  expect(synth(jsonOut).status).toBe(0);
  const run = synth(hclOut, "--hcl");
  expect(withoutConfigWarnings(run.stderr)).toBe("");
  expect(run.status).toBe(0);
  stacks = readdirSync(join(hclOut, "stacks")).sort();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("HCL output", () => {
  it("writes cdk.tf for every stack, and no JSON", () => {
    expect(stacks).toHaveLength(6);
    for (const s of stacks) expect(readdirSync(join(hclOut, "stacks", s))).toEqual(expect.arrayContaining(["cdk.tf", "guardrails.json"]));
    for (const s of stacks) expect(readdirSync(join(hclOut, "stacks", s))).not.toContain("cdk.tf.json");
    // Each report names the file it reviewed as written, scanner comments included.
    for (const s of stacks) {
      const hcl = readFileSync(join(hclOut, "stacks", s, "cdk.tf"));
      const report = JSON.parse(readFileSync(join(hclOut, "stacks", s, "guardrails.json"), "utf8"));
      expect(report.terraform).toEqual({ file: "cdk.tf", sha256: createHash("sha256").update(hcl).digest("hex") });
    }
  });

  it("parses back to the same resources, values and provider as cdk.tf.json", async () => {
    for (const s of stacks) {
      const json = jsonOf(s);
      const fromHcl = await hclOf(s);
      expect(normalize(fromHcl.resource)).toEqual(normalize(json.resource));
      expect(normalize(fromHcl.provider)).toEqual(normalize(json.provider));
      expect(normalize(fromHcl.terraform)).toEqual(normalize(json.terraform));
    }
  });

  it("gives the same guardrail verdicts as cdk.tf.json", async () => {
    for (const s of stacks) {
      const json = jsonOf(s);
      const fromHcl = await hclOf(s);
      const expected = verdicts(json);
      expect(expected.length).toBeGreaterThan(30);
      expect(verdicts(fromHcl)).toEqual(expected);
    }
  });

  it("writes every suppression inside (Checkov) and above (Trivy) its own resource block", () => {
    let checked = 0;
    for (const s of stacks) {
      const hcl = readFileSync(join(hclOut, "stacks", s, "cdk.tf"), "utf8");
      const report = JSON.parse(readFileSync(join(hclOut, "stacks", s, "guardrails.json"), "utf8"));
      for (const f of report.findings.filter((x: { status: string }) => x.status === "suppressed")) {
        const [type, name] = f.address.split(".");
        const start = hcl.indexOf(`resource "${type}" "${name}" {\n`);
        expect(start).toBeGreaterThan(-1);
        const block = hcl.slice(start, hcl.indexOf("\n}\n", start));
        const above = hcl.slice(0, start).split("\n").slice(-5).join("\n");
        if (f.checkov && f.suppressedFor.includes("checkov")) expect(block).toContain(`  # checkov:skip=${f.checkov}:${f.justification}`);
        for (const t of (f.trivy ?? []).filter((x: string) => x.startsWith("AWS-"))) {
          if (f.suppressedFor.includes("trivy")) expect(above).toContain(`# trivy:ignore:${t}\n`);
          else expect(above).not.toContain(`# trivy:ignore:${t}\n`);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it("writes what the synth without its speed-ups writes, byte for byte", () => {
    // The equivalence test compares JSON output for every config; this is the HCL path
    // (cdktf's HCL rendering through the patched resolver, the formatter, the comments).
    const plainOut = join(work, "unoptimized");
    const run = spawnSync(process.execPath, ["scripts/synth.js", "--hcl"], {
      cwd: root,
      env: { ...process.env, CDKTF_OUTDIR: plainOut, SYNTH_HCL_OUTPUT: "", SYNTH_UNOPTIMIZED: "1" },
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    // Reports name the folder they were written to: both read <out>.
    const fast = filesBelow(hclOut, hclOut);
    const slow = filesBelow(plainOut, plainOut);
    expect(Object.keys(fast).filter((f) => f.endsWith("cdk.tf"))).toHaveLength(6);
    expect(Object.keys(fast).sort()).toEqual(Object.keys(slow).sort());
    for (const f of Object.keys(slow)) expect({ [f]: fast[f] }).toEqual({ [f]: slow[f] });
  });

  it("scanner files defer to the inline comments", () => {
    expect(readFileSync(join(hclOut, ".checkov.yaml"), "utf8")).not.toMatch(/skip-check/);
    expect(readFileSync(join(hclOut, ".trivyignore.yaml"), "utf8")).toMatch(/misconfigurations: \[\]/);
  });

  // Last: it rewrites the reports. The CLI honours the inline comments, as the scanners do.
  it("re-checked by the guardrails CLI, gives synth's verdicts from the comments in cdk.tf", () => {
    const summaries = () => stacks.map((s) => JSON.parse(readFileSync(join(hclOut, "stacks", s, "guardrails.json"), "utf8")).summary);
    const before = summaries();
    const run = spawnSync(process.execPath, ["scripts/guardrails.js", hclOut], { cwd: root, encoding: "utf8" });
    expect(run.stdout).toMatch(/6 file\(s\), \d+ passed, 0 failed, 0 unknown/);
    expect(run.status).toBe(0);
    expect(summaries()).toEqual(before);
  });
});

describe("repairTokenStrings", () => {
  it("keeps quotes inside an interpolation as HCL syntax", async () => {
    const value = '${jsonencode({"A" = random_password.p.result, "B" = "x"})}';
    expect(hclTemplateLiteral(value)).toBe(value);
    expect(hclTemplateLiteral('{"k":"${aws_s3_bucket.b.arn}"}')).toBe('{\\"k\\":\\"${aws_s3_bucket.b.arn}\\"}');
    const parsed = await parse("x.tf", `resource "a" "b" {\n  v = "${hclTemplateLiteral(value)}"\n}\n`);
    expect(parsed.resource.a.b[0].v).toBe(value);
  });

  it("escapes a token-bearing JSON string cdktf left unescaped, and nothing else", async () => {
    const value = '{"Resource":"${aws_s3_bucket.b.arn}/*"}';
    const broken = `resource "aws_s3_bucket_policy" "p" {\npolicy = "${value}"\nother = "plain"\n}\n`;
    const fixed = repairTokenStrings(broken, { resource: { aws_s3_bucket_policy: { p: { policy: value } } } });
    expect(fixed).toContain('policy = "{\\"Resource\\":\\"${aws_s3_bucket.b.arn}/*\\"}"');
    expect(fixed).toContain('other = "plain"');
    const parsed = await parse("x.tf", fixed);
    expect(parsed.resource.aws_s3_bucket_policy.p[0].policy).toBe(value);
  });
});
