/**
 * Compliance evidence per stack: each control with the resources implementing it, the
 * checks verifying it and the suppressions touching it; external and gap when nothing here
 * implements it.
 */
import { evaluateStack } from "../../guardrails/enforce";
import type { AppSpec, EnvironmentName } from "../../config/schema";
import { evaluate } from "../../guardrails/engine";
import type { TfJsonDocument } from "../../guardrails/graph";
import { complianceEvidence, complianceMarkdown, type ComplianceEvidence } from "../../evidence/compliance";
import { CONTROLS } from "../../evidence/controls";
import { appStackTf, baseSpec, buildWithAspects, builtStack, validSpec } from "../helpers";
import { exampleSpec } from "../examples/synthesize";
import { tempDirs } from "../temp-dirs";
import type { StackEvidence } from "../../evidence/write";

const tempDir = tempDirs();

/** As synth evaluates it: code and config suppressions, residency context. */
function evidenceOf(spec: AppSpec, env: EnvironmentName, outside = {}): ComplianceEvidence {
  const guarded = builtStack(buildWithAspects(spec), `${spec.app}-${env}-app`);
  const doc = guarded.stack.toTerraform() as TfJsonDocument;
  return complianceEvidence(doc, evaluateStack(guarded, doc), outside);
}
const control = (e: ComplianceEvidence, id: string) => e.controls.find((c) => c.control === id)!;

/** As synth writes it beside a stack, the app stack unless said (writeEvidence: what the config declares included). */
function writtenStackEvidenceOf(spec: AppSpec, env: EnvironmentName, kind: "app" | "github" = "app"): StackEvidence {
  const { writeEvidence } = require("../../evidence/write") as typeof import("../../evidence/write");
  const built = buildWithAspects(spec);
  const guarded = builtStack(built, `${spec.app}-${env}-${kind}`);
  const doc = guarded.stack.toTerraform() as TfJsonDocument;
  return writeEvidence(tempDir("evidence-"), doc, evaluateStack(guarded, doc), built.environments);
}
const writtenEvidenceOf = (spec: AppSpec, env: EnvironmentName, kind: "app" | "github" = "app"): ComplianceEvidence =>
  writtenStackEvidenceOf(spec, env, kind).compliance;

/** The report page's HTML for these stacks, as synth writes it. */
function reportPageOf(stacks: StackEvidence[]): string {
  const { writeReportHtml } = require("../../evidence/report-html") as typeof import("../../evidence/report-html");
  let page = "";
  writeReportHtml("report.html", stacks, (_file, contents) => (page = contents.toString()));
  return page;
}
const types = (addresses: readonly string[]) => [...new Set(addresses.map((a) => a.split(".")[0]))].sort();

describe("compliance evidence", () => {
  const r2 = exampleSpec("ecs-hipaa.json");
  let prod: ComplianceEvidence;
  beforeAll(() => {
    prod = evidenceOf(r2, "prod");
  });

  it("lists every control of the config's frameworks, none left out: R2 (HIPAA) every HIPAA control, no GDPR one", () => {
    expect(prod.controls.map((c) => c.control)).toEqual(CONTROLS.filter((c) => c.framework === "HIPAA").map((c) => c.id));
    expect(prod.controls.map((c) => c.control)).toEqual(
      expect.arrayContaining(["164.312(a)(1)", "164.312(a)(2)(iv)", "164.312(b)", "164.312(c)(1)", "164.312(d)", "164.312(e)(1)"]),
    );
    expect(prod.controls.map((c) => c.control)).toEqual(expect.arrayContaining(["164.308(a)(7)", "164.316(b)(2)"]));
  });

  it("maps both frameworks when both are declared, and none when none is", () => {
    const both = evidenceOf({ ...baseSpec(), compliance: ["hipaa", "gdpr"] }, "prod");
    expect(both.controls.map((c) => c.control)).toEqual(CONTROLS.map((c) => c.id));
    const none = evidenceOf({ ...baseSpec(), compliance: [] }, "prod");
    expect(none.controls).toEqual([]);
    expect(complianceMarkdown(none)).toMatch(/The config declares no compliance framework \(`compliance`\)/);
    expect(complianceMarkdown(none)).not.toMatch(/\| Control \|/);
  });

  it("R2 prod: encryption at rest met by the keys, database, buckets and log groups; audit controls by CloudTrail", () => {
    const atRest = control(prod, "164.312(a)(2)(iv)");
    expect(atRest.status).toBe("met");
    expect(types(atRest.implementedBy)).toEqual(
      expect.arrayContaining([
        "aws_cloudwatch_log_group",
        "aws_db_instance",
        "aws_kms_key",
        "aws_s3_bucket_server_side_encryption_configuration",
      ]),
    );
    expect(atRest.checks.find((k) => k.rule === "CKV_AWS_16")).toEqual({ rule: "CKV_AWS_16", passed: 1, failed: 0, suppressed: 0 });
    // A rule whose only check here is suppressed says so, rather than "0 passed".
    const onlySuppressed = prod.controls.flatMap((c) => c.checks).find((k) => k.passed === 0 && k.suppressed > 0)!;
    expect(onlySuppressed).toMatchObject({ failed: 0 });
    expect(complianceMarkdown(prod)).toContain(`\n- ${onlySuppressed.rule}: 0 passed, ${onlySuppressed.suppressed} suppressed (below)\n`);
    expect(complianceMarkdown(prod)).not.toMatch(/^- \S+: 0 passed$/m);
    const audit = control(prod, "164.312(b)");
    expect(audit.status).toBe("met");
    expect(types(audit.implementedBy)).toEqual(["aws_cloudtrail"]);
    expect(types(audit.supportedBy)).toEqual(expect.arrayContaining(["aws_flow_log", "aws_s3_bucket_logging"]));
    expect(control(prod, "164.308(a)(7)").implementedBy.some((a) => a.startsWith("aws_db_instance."))).toBe(true);
  });

  it("carries every suppression touching a control, with its justification", () => {
    const withSuppressions = prod.controls.flatMap((c) => c.suppressions);
    expect(withSuppressions.length).toBeGreaterThan(0);
    for (const s of withSuppressions) expect(s.justification.length).toBeGreaterThanOrEqual(10);
    const md = complianceMarkdown(prod);
    const s = withSuppressions[0];
    expect(md).toContain(`- ${s.rule} on \`${s.address}\`: ${s.justification}`);
  });

  it("turns audit controls external when the trail is the organization's, and a gap when nothing records", () => {
    const spec: AppSpec = { ...baseSpec(), compliance: ["hipaa", "gdpr"] };
    spec.overrides = { ...spec.overrides, audit: { cloudTrail: false } } as AppSpec["overrides"];
    const external = evidenceOf(spec, "dev", { organizationTrail: true });
    expect(control(external, "164.312(b)")).toMatchObject({ status: "external", implementedBy: [] });
    expect(control(external, "164.312(b)").externalReason).toMatch(/organization trail/);
    expect(complianceMarkdown(external)).toMatch(/\| 164\.312\(b\) \| HIPAA \| [^|]+ \| external \|/);
    const gap = evidenceOf(spec, "dev", {});
    expect(control(gap, "164.312(b)").status).toBe("gap");
    expect(complianceMarkdown(gap)).toMatch(/Nothing in this stack implements it/);
  });

  it("is not met while a verifying check fails", () => {
    const doc = appStackTf(baseSpec(), "dev") as TfJsonDocument;
    const report = evaluate("demo-dev-app", doc);
    const failing = {
      ...report,
      findings: report.findings.map((f) =>
        f.ruleId === "CKV_AWS_16" || f.ruleId === "CKV_AWS_158" ? { ...f, status: "failed" as const } : f,
      ),
    };
    expect(control(complianceEvidence(doc, failing), "164.312(a)(2)(iv)").status).toBe("not-met");
  });
});

describe("compliance evidence of every example", () => {
  const examples = ["apprunner-eu", "ecs-hipaa", "apprunner-aurora", "ecs-cdn-hipaa", "ecs-mysql-dr"];
  // Mapped as if each declared both frameworks, to check every control's resources on every system.
  it.each(examples)("%s prod: every control met, none external or a gap, each with the resources of its kind", (name) => {
    const spec = exampleSpec(`${name}.json`);
    const e = evidenceOf({ ...spec, compliance: ["hipaa", "gdpr"] }, "prod");
    expect(e.controls.filter((c) => c.status !== "met").map((c) => c.control)).toEqual([]);
    const byId = (id: string) => types(control(e, id).implementedBy);
    expect(byId("164.312(b)")).toEqual(["aws_cloudtrail"]);
    expect(byId("164.312(e)(1)")).toEqual(expect.arrayContaining(["aws_s3_bucket_policy"]));
    const providers = control(e, "Art. 44-46").implementedBy;
    expect(providers.length).toBeGreaterThan(0);
    expect(providers.every((a) => a.startsWith("provider.aws."))).toBe(true);
    const contingency = byId("164.308(a)(7)");
    expect(contingency.some((t) => t === "aws_db_instance" || t === "aws_rds_cluster")).toBe(true);
    if (name === "apprunner-aurora") expect(contingency).toEqual(expect.arrayContaining(["aws_rds_cluster", "aws_backup_plan"]));
    if (name === "ecs-mysql-dr") expect(contingency).toContain("aws_db_instance_automated_backups_replication");
    const inTransit = byId("164.312(e)(1)");
    if (name.startsWith("ecs-")) expect(inTransit).toContain("aws_lb_listener");
    if (name === "ecs-cdn-hipaa" || name === "apprunner-eu") expect(inTransit).toContain("aws_cloudfront_distribution");
  });
});

describe("GDPR Art. 44-46: the transfers the config declares", () => {
  it("R1 prod lists its residency exceptions with what each holds and why", () => {
    const e = writtenEvidenceOf(exampleSpec("apprunner-eu.json"), "prod");
    const transfers = control(e, "Art. 44-46");
    expect(transfers.status).toBe("met");
    expect(transfers.declared).toEqual([
      expect.stringMatching(
        /^cloudfront-certificate in us-east-1 \(residency exception\)\. Holds: The TLS certificate .* Why: CloudFront /,
      ),
      expect.stringMatching(/^cloudfront-log-delivery in us-east-1 \(residency exception\)\. Holds: .*standard contractual clauses/),
    ]);
    expect(complianceMarkdown(e)).toMatch(/Declared in the config, for the reviewer:\n\n- cloudfront-certificate in us-east-1/);
  });

  it("lists an allowed region outside the EEA with its legal basis; nothing declared, nothing listed", () => {
    const spec = baseSpec();
    expect(control(writtenEvidenceOf(validSpec(spec), "prod"), "Art. 44-46").declared).toBeUndefined();
    spec.allowedRegions = [...spec.allowedRegions, "us-east-1"];
    spec.residencyAcknowledgements = [{ region: "us-east-1", reason: "Standard contractual clauses with AWS (DPA); backups only." }];
    expect(control(writtenEvidenceOf(validSpec(spec), "prod"), "Art. 44-46").declared).toEqual([
      "us-east-1, an allowed region outside the EEA (acknowledged): Standard contractual clauses with AWS (DPA); backups only.",
    ]);
  });
});

describe("HIPAA 164.316(b)(2): six years of logs and audit records", () => {
  const r2 = () => exampleSpec("ecs-hipaa.json");
  it("prod: only what is kept six years or more is evidence (a year of app or flow logs is not)", () => {
    const e = evidenceOf(r2(), "prod");
    const retention = control(e, "164.316(b)(2)");
    expect(retention.status).toBe("met");
    expect(retention.implementedBy).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^aws_cloudwatch_log_group\.Audit_TrailLogGroup_/),
        expect.stringMatching(/^aws_s3_bucket_lifecycle_configuration\.Audit_AuditBucket_Lifecycle_/),
        expect.stringMatching(/^aws_s3_bucket_object_lock_configuration\.Audit_AuditBucket_ObjectLock_/),
      ]),
    );
    for (const short of ["Network_FlowLogGroup_", "Observability_AppLogGroup_", "DataBucket-"]) {
      expect(retention.implementedBy.filter((a) => a.includes(short))).toEqual([]);
    }
  });

  it("staging (two years of audit logs): a gap that says how to close it", () => {
    const e = evidenceOf(r2(), "staging");
    const retention = control(e, "164.316(b)(2)");
    expect(retention).toMatchObject({ status: "gap", implementedBy: [] });
    // 2190 days is six years; 2192 is the first retention CloudWatch (and the config) accepts past it.
    expect(complianceMarkdown(e)).toMatch(
      new RegExp(
        "To close it: the audit records are not kept six years \\(2190 days\\) here; .*logs\\.auditRetentionDays to 2192 " +
          "or more \\(the first retention CloudWatch offers past six years; ",
      ),
    );
    // The report page says it beside the gap, as compliance.md does.
    const stagingPage = reportPageOf([writtenStackEvidenceOf(r2(), "staging")]);
    expect(stagingPage).toMatch(/<td class="status-gap">gap \(aws_cloudwatch_log_group\.Audit_TrailLogGroup_\w+ keeps 731 days; [^)]*\): /);
    expect(stagingPage).toContain("): to close it, the audit records are not kept six years (2190 days) here; ");
    const raised = r2();
    raised.environments.staging!.overrides = { ...raised.environments.staging!.overrides, logs: { auditRetentionDays: 2557 } };
    expect(control(evidenceOf(raised, "staging"), "164.316(b)(2)").status).toBe("met");
  });

  it("prod with a year of audit records: a gap naming the trail's stores (not the data buckets its selectors name)", () => {
    const shortened = r2();
    shortened.environments.prod!.overrides = { ...shortened.environments.prod!.overrides, logs: { auditRetentionDays: 365 } };
    const e = evidenceOf(shortened, "prod");
    const retention = control(e, "164.316(b)(2)");
    expect(retention.status).toBe("gap");
    expect(retention.implementedBy).toEqual([]);
    expect(retention.shortfalls).toEqual([
      expect.stringMatching(/^aws_cloudwatch_log_group\.Audit_TrailLogGroup_\w+ keeps 365 days$/),
      expect.stringMatching(/^aws_s3_bucket_lifecycle_configuration\.Audit_AuditBucket_Lifecycle_\w+ keeps 365 days$/),
      expect.stringMatching(/^aws_s3_bucket_object_lock_configuration\.Audit_AuditBucket_ObjectLock_\w+ keeps 365 days$/),
    ]);
    expect(complianceMarkdown(e)).toContain(`Falls short: ${retention.shortfalls!.join("; ")}.`);
    const page = reportPageOf([writtenStackEvidenceOf(shortened, "prod")]);
    expect(page).toContain(`<td class="status-gap">gap (${retention.shortfalls!.join("; ")}): to close it, `);
  });
});

describe("stacks that serve an app stack", () => {
  it("the GitHub roles' own stack has its audit controls met by the app stack's trail, not a gap", () => {
    const spec = validSpec({
      ...baseSpec(),
      compliance: ["hipaa", "gdpr"],
      state: { accountId: "444444444444", roleArn: "arn:aws:iam::444444444444:role/tf-state" },
      delivery: { github: { repository: "acme/demo" } },
    });
    const e = writtenEvidenceOf(spec, "prod", "github");
    expect(control(e, "164.312(b)")).toMatchObject({ status: "external" });
    expect(control(e, "164.312(b)").externalReason).toMatch(/trail of demo-prod-app/);
    expect(e.controls.filter((c) => c.status === "gap")).toEqual([]);
  });
});
