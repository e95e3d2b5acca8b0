import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { App } from "cdktf";
import { resolve } from "../../config/resolve";
import { blocking, evaluate, formatBlocking } from "../../guardrails/engine";
import { markdownReport, sarifReport } from "../../guardrails/reports";
import { enforce, GuardrailError, writeReports } from "../../guardrails/enforce";
import { uncoveredTypes } from "../../guardrails/rules";
import { suppress } from "../../guardrails/suppressions";
import { AppStack } from "../../stacks/app-stack";
import { buildApp } from "../../stacks/build-app";
import { validateSpec } from "../../config/validate";
import { loadSpecFile } from "../../config/load";
import { synthesizeApp } from "../../stacks/synthesize";
import { baseSpec, buildInMemory, validSpec } from "../helpers";
import { tempDirs } from "../temp-dirs";

const tempDir = tempDirs();
const appStack = (env: "dev" | "prod" = "prod") => new AppStack(new App(), resolve(validSpec(baseSpec()), env));
/** Change one attribute of the first resource of a type, as a careless edit to a construct would. */
function breakResource(stack: AppStack, type: string, path: string, value: unknown) {
  const resource = stack.node
    .findAll()
    .find((c) => (c as { terraformResourceType?: string }).terraformResourceType === type) as unknown as {
    addOverride(p: string, v: unknown): void;
  };
  resource.addOverride(path, value);
}

describe("enforcement", () => {
  it("the default app and every environment synthesize with zero blocking findings", () => {
    const built = buildInMemory(validSpec(baseSpec()));
    const reports = enforce(built.stacks.map((s) => s.stack));
    expect(reports).toHaveLength(6);
    for (const r of reports) {
      expect(blocking(r)).toEqual([]);
      expect(r.findings.filter((f) => f.status === "passed").length).toBeGreaterThan(30);
      expect(r.staleSuppressions).toEqual([]);
    }
  });

  it("breaking a secure default (versioning suspended) fails with the rule ids, the address and the fix", () => {
    const stack = appStack();
    breakResource(stack, "aws_s3_bucket_versioning", "versioning_configuration.status", "Suspended");
    expect(() => enforce([stack])).toThrow(GuardrailError);
    try {
      enforce([stack]);
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toMatch(/demo-prod-app aws_s3_bucket\.\S+ \[CKV_AWS_21 \/ AWS-0090\] MEDIUM: .*versioning is not Enabled/);
      expect(message).toMatch(/fix: {2}`versioning_configuration\.status = "Enabled"` in an aws_s3_bucket_versioning of the bucket/);
    }
  });

  it("blocks cdktf synth itself through the attached validation", () => {
    const built = buildApp(validSpec(baseSpec()), tempDir("gr-"));
    const stack = built.appStacks[0];
    breakResource(stack, "aws_kms_key", "enable_key_rotation", false);
    expect(() => built.app.synth()).toThrow(/CKV_AWS_7/);
  });

  it("an undecidable value blocks like a failure", () => {
    const stack = appStack();
    breakResource(stack, "aws_s3_bucket_public_access_block", "block_public_acls", "${var.block}");
    expect(() => enforce([stack])).toThrow(/CKV_AWS_53 \/ AWS-0086\] UNKNOWN: block_public_acls is \$\{var\.block\}/);
  });
});

describe("suppressions", () => {
  it("reject an empty justification and an unknown rule id", () => {
    const stack = appStack();
    expect(() => suppress(stack.dataKey, "CKV_AWS_7", " ")).toThrow(/needs a justification of at least 10 characters/);
    expect(() => suppress(stack.dataKey, "CKV_AWS_99999", "a long enough reason")).toThrow(/unknown rule id "CKV_AWS_99999"/);
  });

  it("turn a failure into a suppressed finding with its justification, and report stale ones", () => {
    const stack = appStack();
    breakResource(stack, "aws_kms_key", "enable_key_rotation", false);
    suppress(stack.dataKey, "AWS-0065", "Rotation is handled by the external key ceremony (test).");
    suppress(stack.accessLogBucket, "CKV_AWS_300", "Nothing here fails this rule, so this is stale.");
    const [report] = enforce([stack]);
    const suppressed = report.findings.filter((f) => f.status === "suppressed" && f.ruleId === "CKV_AWS_7");
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].justification).toMatch(/external key ceremony/);
    expect(report.staleSuppressions.map((s) => `${s.id} ${s.constructPath}`)).toEqual(["CKV_AWS_300 demo-prod-app/AccessLogBucket"]);
  });

  it("come from config, validated, scoped to a construct path and environments", () => {
    const spec: any = baseSpec();
    spec.guardrails = {
      suppressions: [{ rule: "CKV_AWS_144", path: "DataKey", environments: ["dev"], reason: "Stale on purpose: keys are not buckets." }],
    };
    const built = buildInMemory(validSpec(spec));
    const reports = enforce(built.stacks);
    expect(reports.find((r) => r.stack === "demo-dev-app")!.staleSuppressions).toEqual([
      expect.objectContaining({ id: "CKV_AWS_144", constructPath: "demo-dev-app/DataKey", source: "config guardrails.suppressions[0]" }),
    ]);
    expect(reports.find((r) => r.stack === "demo-prod-app")!.staleSuppressions).toEqual([]);

    spec.guardrails.suppressions = [{ rule: "CKV_AWS_1444", path: "X", reason: "" }];
    const result = validateSpec(spec);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: "guardrails.suppressions[0].rule", message: 'unknown rule id "CKV_AWS_1444"' },
    ]);
    spec.guardrails.suppressions = [{ rule: "CKV_AWS_144", path: "X", reason: "ok" }];
    const r2 = validateSpec(spec);
    expect(r2.ok ? [] : r2.problems.map((p) => p.path)).toEqual(["guardrails.suppressions[0].reason"]);
  });
});

describe("reports and scanner files", () => {
  const out = mkdtempSync(join(tmpdir(), "reports-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const built = buildApp(validSpec(baseSpec()), out);
  const reports = enforce(built.stacks);
  writeReports(out, reports);

  it("writes guardrails.json, .sarif and .md next to every stack", () => {
    for (const r of reports) {
      expect(readdirSync(join(out, "stacks", r.stack)).sort()).toEqual(["guardrails.json", "guardrails.md", "guardrails.sarif"]);
      const json = JSON.parse(readFileSync(join(out, "stacks", r.stack, "guardrails.json"), "utf8"));
      expect(json.summary).toMatchObject({ failed: 0, unknown: 0 });
      expect(json.summary.passed).toBe(r.findings.filter((f) => f.status === "passed").length);
    }
    const md = readFileSync(join(out, "stacks", "demo-prod-bootstrap", "guardrails.md"), "utf8");
    expect(md).toMatch(/## Suppressed \(3\)/);
    const entry = md.slice(md.indexOf("### `aws_s3_bucket.StateAccessLogBucket_1603EC2E`: CKV_AWS_145 (high)\n\n")).split("\n\n")[1];
    const lines = entry.split("\n");
    expect(lines.map((l) => l.slice(0, l.indexOf(":")))).toEqual([
      "- justification",
      "- what it found",
      "- rule",
      "- fix",
      "- controls",
      "- construct path (a config suppression's `path`)",
    ]);
    expect(lines[0]).toMatch(/^- justification: S3 server access log delivery supports only SSE-S3/);
    expect(lines[1]).toMatch(/no SSE-KMS/);
    expect(lines[3]).toMatch(/^- fix: `sse_algorithm = "aws:kms"` with `kms_master_key_id`/);
    expect(lines[4]).toBe("- controls: encryption-at-rest (GDPR Art. 32(1)(a))");
    expect(lines[5]).toBe("- construct path (a config suppression's `path`): `StateAccessLogBucket/Bucket`");
  });

  it("writes guardrails.md for a reviewer: what was reviewed, what needs a decision, then summaries, passed checks last", () => {
    const report = reports.find((r) => r.stack === "demo-prod-bootstrap")!;
    const md = readFileSync(join(out, "stacks", report.stack, "guardrails.md"), "utf8");
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings.map((h) => h.replace(/ \(\d+\)$/, ""))).toEqual([
      "## Failed",
      "## Unknown",
      "## Suppressed",
      "## Summary by control family",
      "## Summary by resource",
      "## Appendix: passed checks",
    ]);
    const passed = report.findings.filter((f) => f.status === "passed");
    const rules = new Set(report.findings.map((f) => f.ruleId)).size;
    const resources = new Set(report.findings.map((f) => f.address)).size;
    expect(md).toContain(
      `${rules} of ${report.rulesEvaluated} rules apply to the ${resources} resources here, in ${report.findings.length} checks ` +
        `(one rule on one resource): ${passed.length} passed, 0 failed, 0 unknown, 3 suppressed.`,
    );
    // Every table: one header, no column named twice, every row as wide as its header.
    const tables = md
      .split("\n\n")
      .map((b) => b.split("\n").filter((l) => l.startsWith("| ")))
      .filter((t) => t.length > 0);
    expect(tables).toHaveLength(3);
    const cells = (l: string) => l.slice(2, -2).split(/ (?<!\\)\| /);
    for (const [header, ...rows] of tables) {
      expect(new Set(cells(header)).size).toBe(cells(header).length);
      for (const r of rows) expect(cells(r)).toHaveLength(cells(header).length);
    }
    const [families, byResource, appendix] = tables;
    // The spec declares GDPR only: no HIPAA column, no HIPAA reference anywhere.
    expect(cells(families[0])).toEqual(["control family", "GDPR", "passed", "failed", "unknown", "suppressed"]);
    expect(md).not.toContain("HIPAA 164.");
    expect(md).toContain("- compliance: GDPR; references cited for it only");
    expect(families.slice(1).reduce((n, r) => n + Number(cells(r)[2]), 0)).toBe(passed.length);
    expect(byResource.length - 1).toBe(resources);
    expect(cells(appendix[0])).toEqual(["resource", "rule", "severity", "control family", "what it checks"]);
    expect(appendix.length - 1).toBe(passed.length);
  });

  it("cites the references of the declared frameworks only, and both when none is declared", () => {
    const doc = { resource: { aws_lb: { main: { internal: false } } } };
    const familyHeader = (compliance?: string[]) => {
      const md = markdownReport(evaluate("x.tf.json", doc, [], undefined, compliance ? { compliance } : {}));
      return { md, header: md.split("\n").find((l) => l.startsWith("| control family"))! };
    };
    const hipaa = familyHeader(["hipaa"]);
    expect(hipaa.header).toBe("| control family | HIPAA | passed | failed | unknown | suppressed |");
    expect(hipaa.md).toMatch(/- controls: network-segmentation \(HIPAA 164\.312\(a\)\(1\); HIPAA 164\.312\(e\)\(1\)\)\n/);
    expect(hipaa.md).not.toContain("GDPR Art.");
    const none = familyHeader([]);
    expect(none.header).toBe("| control family | passed | failed | unknown | suppressed |");
    expect(none.md).toMatch(/- controls: network-segmentation\n/);
    expect(none.md).toContain("- compliance: none declared; no HIPAA or GDPR references cited");
    const both = familyHeader(["gdpr", "hipaa"]);
    expect(both.header).toBe("| control family | HIPAA | GDPR | passed | failed | unknown | suppressed |");
    expect(familyHeader().header).toBe(both.header);
    expect(familyHeader().md).toContain("- compliance: not declared; HIPAA and GDPR references both cited");
  });

  it("names the config it was built from and the Terraform it read, each with the sha256 of its bytes, the same on every run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "reviewed-"));
    try {
      const file = join(dir, "my-app.json");
      const text = JSON.stringify(baseSpec(), null, 2);
      writeFileSync(file, text);
      const sha256 = createHash("sha256").update(text).digest("hex");
      const reportOf = async (run: string) => {
        await synthesizeApp(loadSpecFile(file), join(dir, run), { hcl: false, configFiles: [file] });
        const stack = join(dir, run, "stacks", "demo-prod-app");
        return { md: readFileSync(join(stack, "guardrails.md"), "utf8"), json: readFileSync(join(stack, "guardrails.json"), "utf8") };
      };
      const first = await reportOf("a");
      const name = relative(process.cwd(), file);
      const terraform = createHash("sha256")
        .update(readFileSync(join(dir, "a", "stacks", "demo-prod-app", "cdk.tf.json")))
        .digest("hex");
      expect(first.md.split("\n").slice(0, 5)).toEqual([
        "# Guardrails: demo-prod-app",
        "",
        `- config: \`${name}\`, sha256 \`${sha256}\``,
        `- Terraform: \`cdk.tf.json\`, sha256 \`${terraform}\``,
        "- compliance: GDPR; references cited for it only",
      ]);
      expect(JSON.parse(first.json).config).toEqual({ file: name, sha256 });
      expect(JSON.parse(first.json).terraform).toEqual({ file: "cdk.tf.json", sha256: terraform });
      expect(JSON.parse(first.json).context.compliance).toEqual(["gdpr"]);
      expect(await reportOf("b")).toEqual(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lists a failure with its fix, most severe first, before the suppressions", () => {
    const failing = evaluate("x.tf.json", {
      resource: { aws_lb: { main: { internal: false } }, aws_db_instance: { db: { publicly_accessible: "${var.x}" } } },
    });
    const md = markdownReport(failing);
    const failed = md.slice(md.indexOf("## Failed"), md.indexOf("## Unknown"));
    const heading = "### `aws_lb.main`: AWS-0053 (high)";
    expect(failed).toContain(heading);
    const entry = failed.slice(failed.indexOf(heading)).split("\n\n").slice(0, 2);
    expect(entry[1].split("\n").map((l) => l.slice(0, l.indexOf(":")))).toEqual(["- what is wrong", "- rule", "- fix", "- controls"]);
    expect(entry[1]).toMatch(/^- what is wrong: internet-facing load balancer/);
    expect(entry[1]).toMatch(/\n- fix: `internal = true`/);
    expect(entry[1]).toMatch(/\n- controls: network-segmentation \(HIPAA 164\.312\(a\)\(1\)/);
    const severities = [...failed.matchAll(/^### .* \((\w+)\)$/gm)].map((m) => m[1]);
    const mostSevereFirst = ["critical", "high", "medium", "low"];
    expect(severities).toEqual([...severities].sort((a, b) => mostSevereFirst.indexOf(a) - mostSevereFirst.indexOf(b)));
    expect(md.slice(md.indexOf("## Unknown"))).toMatch(/### `aws_db_instance\.db`: .*\n\n- why it could not decide: .*\$\{var\.x\}/);
  });

  it("writes SARIF that validates against the SARIF 2.1.0 schema", () => {
    const schema = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "sarif-schema-2.1.0.json"), "utf8"));
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
    for (const r of reports) {
      const sarif = JSON.parse(readFileSync(join(out, "stacks", r.stack, "guardrails.sarif"), "utf8"));
      expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    }
    const failing = evaluate("x.tf.json", {
      resource: { aws_lb: { main: { internal: false } }, aws_kms_key: { k: { enable_key_rotation: "${var.x}" } } },
    });
    expect(failing.findings.some((f) => f.status === "failed")).toBe(true);
    const sarif = JSON.parse(sarifReport(failing, "x.tf.json"));
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    expect(validate({ version: "2.1.0", runs: [{ tool: {} }] })).toBe(false);
  });

  it("writes SARIF 2.1.0 whose results point at rules it declares", () => {
    const sarif = JSON.parse(readFileSync(join(out, "stacks", "demo-prod-app", "guardrails.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    const declared = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(run.results.length).toBeGreaterThan(0);
    for (const res of run.results) {
      expect(declared).toContain(res.ruleId);
      expect(["none", "note", "warning", "error"]).toContain(res.level);
      expect(res.message.text).toMatch(/^(aws_s3_bucket|aws_eip|aws_guardduty_detector)\./);
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe("cdktf.out/stacks/demo-prod-app/cdk.tf.json");
      expect(res.suppressions[0]).toMatchObject({ kind: "inSource", justification: expect.any(String) });
    }
  });

  it("emits each suppression as a Checkov skip scoped to its stack file, with its justification", () => {
    const checkov = readFileSync(join(out, ".checkov.yaml"), "utf8");
    expect(checkov).toContain('- "CKV_AWS_145:.*stacks/demo-prod-bootstrap/cdk\\\\.tf\\\\.json$"');
    expect(checkov).toMatch(/# aws_s3_bucket\.StateAccessLogBucket_1603EC2E: S3 server access log delivery/);
  });

  it("leaves a suppression out of a scanner's file where that scanner does not flag the resource", () => {
    // CKV_AWS_145 on log buckets is Checkov-only: Trivy exempts log-delivery targets itself,
    // and a file-wide Trivy ignore would hide AWS-0132 on the stack's other buckets.
    expect(readFileSync(join(out, ".trivyignore.yaml"), "utf8")).toBe(
      "# Generated by the guardrails on every synth. Do not edit: suppress in code or config instead.\nmisconfigurations: []\n",
    );
  });

  it("writes Trivy ignores with paths, statement, and both id forms", () => {
    const dir = tempDir("trivy-");
    const stack = appStack();
    breakResource(stack, "aws_kms_key", "enable_key_rotation", false);
    suppress(stack.dataKey, "CKV_AWS_7", "Rotation is handled by the external key ceremony (test).");
    writeReports(dir, enforce([stack]));
    const trivy = readFileSync(join(dir, ".trivyignore.yaml"), "utf8");
    expect(trivy).toContain(
      [
        "- id: AWS-0065",
        "    paths:",
        '      - "stacks/demo-prod-app/cdk.tf.json"',
        '    statement: "aws_kms_key.DataKey_0F118E08: Rotation is handled',
      ].join("\n"),
    );
    expect(trivy).toMatch(/- id: AVD-AWS-0065\n/);
    expect(readFileSync(join(dir, ".checkov.yaml"), "utf8")).toContain('- "CKV_AWS_7:.*stacks/demo-prod-app/cdk\\\\.tf\\\\.json$"');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("coverage", () => {
  it("every resource type the stacks emit has a rule or a recorded decision", () => {
    const built = buildInMemory(validSpec(baseSpec()));
    const emitted = built.stacks.flatMap((s) => Object.keys((s.stack.toTerraform() as { resource: object }).resource));
    expect(emitted).toContain("aws_s3_bucket");
    expect(uncoveredTypes(emitted)).toEqual([]);
  });

  it("flags a type with neither", () => {
    expect(uncoveredTypes(["aws_s3_bucket", "aws_kms_alias", "aws_made_up"])).toEqual(["aws_made_up"]);
  });
});

describe("formatBlocking", () => {
  it("lists findings most severe first, in words for any Terraform", () => {
    const doc = {
      resource: {
        aws_cloudwatch_log_group: { short: { name: "g", retention_in_days: 7, kms_key_id: "arn:key" } },
        aws_iam_policy: {
          admin: { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) },
        },
      },
    };
    const text = formatBlocking([evaluate("s", doc as never)]);
    expect(text).toMatch(/^Guardrails: \d+ findings, most severe first:\n/);
    const severities = [...text.matchAll(/\] (CRITICAL|HIGH|MEDIUM|LOW|UNKNOWN):/g)].map((m) => m[1]);
    const rank = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
    expect(severities[0]).toBe("CRITICAL");
    expect(severities.map((s) => rank.indexOf(s))).toEqual([...severities.map((s) => rank.indexOf(s))].sort((a, b) => a - b));
    expect(text.indexOf("aws_iam_policy.admin")).toBeLessThan(text.indexOf("aws_cloudwatch_log_group.short"));
    expect(text).not.toMatch(/matched no finding/);
  });

  it("names, after the findings, a suppression that matched none of them (a wrong path or rule)", () => {
    const doc = {
      resource: {
        aws_cloudwatch_log_group: {
          short: { name: "g", retention_in_days: 7, kms_key_id: "arn:key", "//": { metadata: { path: "s/Logs" } } },
        },
      },
    };
    const typo = { id: "CKV_AWS_338", reason: "Seven days are enough here.", constructPath: "s/Log", source: "config" };
    const report = evaluate("s", doc as never, [typo]);
    expect(blocking(report).map((f) => f.ruleId)).toContain("CKV_AWS_338");
    expect(formatBlocking([report])).toMatch(
      /\nSuppressions that matched no finding \(check their rule and path\):\n {2}- s: CKV_AWS_338 on s\/Log \(config\)$/,
    );
  });

  it("gives each finding the construct path a config suppression names, and says so when one named an address instead", () => {
    const logGroup = {
      name: "g",
      retention_in_days: 7,
      kms_key_id: "arn:key",
      "//": { metadata: { path: "s/Observability/AppLogGroup" } },
    };
    const doc = { resource: { aws_cloudwatch_log_group: { AppLogGroup_F4E1: logGroup } } };
    const byAddress = {
      id: "CKV_AWS_338",
      reason: "Seven days are enough here.",
      constructPath: "s/aws_cloudwatch_log_group.AppLogGroup_F4E1",
      source: "config guardrails.suppressions[0]",
    };
    const text = formatBlocking([evaluate("s", doc as never, [byAddress])]);
    expect(text).toContain(
      "  - s aws_cloudwatch_log_group.AppLogGroup_F4E1 [CKV_AWS_338] LOW: retention_in_days is 7\n" +
        "      rule: retention_in_days is an integer >= 365, or 0 (never expire).\n",
    );
    expect(text).toMatch(/\n {6}fix: {2}.*\n {6}path: Observability\/AppLogGroup \(what a suppression in the config names\)\n/);
    expect(
      text.endsWith(
        "\n  - s: CKV_AWS_338 on s/aws_cloudwatch_log_group.AppLogGroup_F4E1 (config guardrails.suppressions[0]); " +
          'a path is a construct path, e.g. "Observability/AppLogGroup"',
      ),
    ).toBe(true);
    // Terraform from elsewhere (the CLI) has no construct paths: no path line.
    const plain = formatBlocking([
      evaluate("s", { resource: { aws_cloudwatch_log_group: { g: { ...logGroup, "//": undefined } } } } as never),
    ]);
    expect(plain).toMatch(/\[CKV_AWS_338\]/);
    expect(plain).not.toMatch(/path:/);
  });
});
