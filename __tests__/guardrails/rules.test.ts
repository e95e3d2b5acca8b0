import { readdirSync } from "node:fs";
import { join } from "node:path";
import { evaluate, type Finding } from "../../guardrails/engine";
import type { TfJsonDocument } from "../../guardrails/graph";
import { controlsOf, RULE_FAMILY } from "../../guardrails/packs";
import { ALL_RULES } from "../../guardrails/rules";
import type { Fixture, RuleFixture, RuleFixtures } from "../../guardrails/rules/fixture-helpers";
import type { Rule } from "../../guardrails/types";

const RULES_DIR = join(__dirname, "..", "..", "guardrails", "rules");
const isRule = (v: unknown): v is Rule => typeof v === "object" && v !== null && "id" in v && "check" in v;

/** Every `<name>.fixtures.ts` under guardrails/rules/<service>/, with the rules of `<name>.ts` beside it. */
const FIXTURE_FILES = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(RULES_DIR, d.name)).map((f) => `${d.name}/${f}`))
  .filter((file) => file.endsWith(".fixtures.ts"))
  .map((file) => {
    const { fixtures } = require(join(RULES_DIR, file)) as { fixtures: RuleFixtures };
    const beside = require(join(RULES_DIR, file.replace(/\.fixtures\.ts$/, ".ts"))) as Record<string, unknown>;
    const rules = Object.values(beside)
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter(isRule);
    return { file, fixtures, rules };
  });

const FIXTURES: Record<string, RuleFixture> = {};
for (const { fixtures } of FIXTURE_FILES) {
  for (const [id, f] of Object.entries(fixtures)) {
    if (FIXTURES[id]) throw new Error(`${id} has fixtures twice`);
    FIXTURES[id] = f;
  }
}

/** Addresses to a Terraform JSON document: `data.` for data sources, `provider.<name>.<n>` for provider blocks. */
function toDoc(fixture: Fixture): TfJsonDocument {
  const resource: Record<string, Record<string, Record<string, unknown>>> = {};
  const data: typeof resource = {};
  const provider: Record<string, Record<string, unknown>[]> = {};
  for (const [address, config] of Object.entries(fixture)) {
    if (address.startsWith("provider.")) {
      (provider[address.split(".")[1]] ??= []).push(config);
      continue;
    }
    const isData = address.startsWith("data.");
    const [type, name] = address.slice(isData ? "data.".length : 0).split(".");
    ((isData ? data : resource)[type] ??= {})[name] = config;
  }
  return { resource, data, provider };
}

/** The rule's verdicts on the fixture's resources of the types it checks. */
function findingsOf(rule: Rule, doc: TfJsonDocument): readonly Finding[] {
  return evaluate("fixture", doc, [], [rule], { allowedRegions: ["eu-central-1"] }).findings;
}

describe("fixtures live beside their rules", () => {
  it.each(FIXTURE_FILES.map((f) => [f.file, f] as const))("%s holds the fixtures of exactly the rules beside it", (_file, f) => {
    expect(f.rules.length).toBeGreaterThan(0);
    expect(Object.keys(f.fixtures).sort()).toEqual(f.rules.map((r) => r.id).sort());
  });
});

describe.each(ALL_RULES.map((r) => [r.id, r] as const))("%s", (id, rule) => {
  const fixture = FIXTURES[id];

  it("has fixtures: passes every resource it checks in the compliant one, fails the non-compliant one by name", () => {
    expect(fixture).toBeDefined();
    const passing = findingsOf(rule, toDoc(fixture.pass));
    expect(passing.filter((f) => f.status !== "passed")).toEqual([]);
    if (fixture.forbidsType) {
      // No configuration passes: the fixture holds what the fix recommends instead.
      expect(Object.keys(fixture.pass).length).toBeGreaterThan(0);
      expect(passing).toEqual([]);
    } else {
      // At least one resource the rule looks at, judged compliant (not merely not-applicable).
      expect(passing.length).toBeGreaterThan(0);
    }
    const failed = findingsOf(rule, toDoc(fixture.fail)).filter((f) => f.status === "failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].detail).toBeTruthy();
    expect(Object.keys(fixture.fail)).toContain(failed[0].address);
  });
});

describe("rules that forbid a resource type", () => {
  const forbidding = Object.keys(FIXTURES).filter((id) => FIXTURES[id].forbidsType);
  it("are the three Checkov checks that forbid EC2-Classic and default-VPC resources", () => {
    expect(forbidding.sort()).toEqual(["CKV_AWS_148", "CKV_AWS_196", "CKV_AWS_198"]);
  });
  it.each(forbidding)("%s fails every resource of its types, however configured", (id) => {
    const rule = ALL_RULES.find((r) => r.id === id)!;
    for (const type of rule.resourceTypes) {
      for (const config of [{}, { name: "n", description: "d", tags: { a: "b" } }]) {
        expect(findingsOf(rule, toDoc({ [`${type}.r`]: config })).map((f) => f.status)).toEqual(["failed"]);
      }
    }
  });
});

describe("PRJ_DATA_RESIDENCY on providers", () => {
  const rule = ALL_RULES.find((r) => r.id === "PRJ_DATA_RESIDENCY")!;
  it("fails a provider outside the allowed regions and is silent without a residency list", () => {
    expect(findingsOf(rule, { provider: { aws: [{ region: "eu-central-1" }] } }).map((f) => f.status)).toEqual(["passed"]);
    expect(findingsOf(rule, { provider: { aws: [{ region: "us-east-1" }] } }).map((f) => f.status)).toEqual(["failed"]);
    expect(evaluate("x", { provider: { aws: [{ region: "us-east-1" }] } }, [], [rule]).findings).toEqual([]);
  });
});

describe("CKV_AWS_252 fix", () => {
  it("asks for a dedicated delivery topic, not the alarm topic", () => {
    const fix = ALL_RULES.find((r) => r.id === "CKV_AWS_252")!.fix;
    expect(fix).toMatch(/^`sns_topic_name`: a log-delivery topic/);
    expect(fix).toMatch(/not an alarm topic/);
  });
});

/**
 * A team running `npm run guardrails` on its own Terraform must see what to change: every
 * fix opens with the backquoted attribute(s) to set (`kms_key_id`, `versioning_configuration.status
 * = "Enabled"`, a policy's `Resource`) or the resource type to add or remove
 * (`aws_s3_bucket_logging`), then how, then which construct does it here, within 200 characters.
 */
const FIX_OPENING = /^`(aws_[a-z0-9_]+|[A-Za-z][A-Za-z0-9_]*(?:\[\])?(?:\.[A-Za-z0-9_]+(?:\[\])?)*)(?: = [^`]+| \{ [^`]+ \})?`/;
/** Rules whose fix cannot name an attribute or resource type first, each with the reason. None so far. */
const FIX_WITHOUT_ATTRIBUTE: Readonly<Record<string, string>> = {};

describe("fix hints", () => {
  it.each(ALL_RULES.map((r) => [r.id, r] as const))("%s: names the Terraform attribute or resource type first", (id, rule) => {
    if (FIX_WITHOUT_ATTRIBUTE[id]) return;
    expect(rule.fix).toMatch(FIX_OPENING);
    expect(rule.fix.length).toBeLessThanOrEqual(200);
  });

  it("names the forbidden type first in the rules that forbid one", () => {
    for (const id of ["CKV_AWS_148", "CKV_AWS_196", "CKV_AWS_198"]) {
      const rule = ALL_RULES.find((r) => r.id === id)!;
      expect(rule.fix.slice(1, rule.fix.indexOf("`", 1))).toBe(rule.resourceTypes[0]);
    }
  });

  it("rejects a hint that starts with prose", () => {
    for (const prose of ["Set kms_key_id to the CMK.", "Add aws_s3_bucket_logging.", "`Set kms_key_id` to the CMK."]) {
      expect(prose).not.toMatch(FIX_OPENING);
    }
    expect('`sse_algorithm = "aws:kms"` with ...').toMatch(FIX_OPENING);
    expect("`container_definitions[].privileged`: remove it.").toMatch(FIX_OPENING);
  });

  it("leaves no rule in the exception list that would pass anyway", () => {
    for (const id of Object.keys(FIX_WITHOUT_ATTRIBUTE)) {
      expect(ALL_RULES.find((r) => r.id === id)?.fix).not.toMatch(FIX_OPENING);
    }
  });
});

describe("rule catalogue", () => {
  it("covers at least 80 rules, each with ids, severity, description and fix", () => {
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(80);
    for (const r of ALL_RULES) {
      expect(r.checkov ?? r.trivy?.[0] ?? (r.id.startsWith("PRJ_") ? r.id : undefined)).toBeTruthy();
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.fix.length).toBeGreaterThan(5);
    }
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
  });

  it("maps every rule to one control family with its HIPAA/GDPR references, and nothing else", () => {
    expect(ALL_RULES.filter((r) => !RULE_FAMILY.has(r.id)).map((r) => r.id)).toEqual([]);
    expect([...RULE_FAMILY.keys()].filter((id) => !ALL_RULES.some((r) => r.id === id))).toEqual([]);
    expect(controlsOf("CKV_AWS_145")).toEqual({ family: "encryption-at-rest", hipaa: ["164.312(a)(2)(iv)"], gdpr: ["Art. 32(1)(a)"] });
  });

  it("has no fixture for a rule that does not exist", () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    expect(Object.keys(FIXTURES).filter((id) => !ids.has(id))).toEqual([]);
  });

  it("says unknown, not compliant, when a literal is needed and a reference is found", () => {
    const rule = ALL_RULES.find((r) => r.id === "CKV_AWS_133")!;
    const findings = findingsOf(rule, { resource: { aws_db_instance: { db: { backup_retention_period: "${var.days}" } } } });
    expect(findings.map((f) => f.status)).toEqual(["unknown"]);
  });

  it("CKV_AWS_250 decides a one-part PostgreSQL major of 14 or later (every minor patched); below, it cannot", () => {
    const rule = ALL_RULES.find((r) => r.id === "CKV_AWS_250")!;
    const status = (engine_version: string) =>
      findingsOf(rule, { resource: { aws_db_instance: { db: { engine: "postgres", engine_version } } } }).map((f) => f.status);
    expect(status("16")).toEqual(["passed"]);
    expect(status("14")).toEqual(["passed"]);
    expect(status("13")).toEqual(["unknown"]);
    expect(status("13.2")).toEqual(["failed"]);
  });
});

describe("security group rules are judged where they are declared", () => {
  it("reports an open SSH rule resource once, on the rule, not on its group", () => {
    const rule = ALL_RULES.find((r) => r.id === "CKV_AWS_24")!;
    const doc = toDoc({
      "aws_security_group.sg": { description: "app" },
      "aws_vpc_security_group_ingress_rule.ssh": {
        security_group_id: "${aws_security_group.sg.id}",
        cidr_ipv4: "0.0.0.0/0",
        from_port: 22,
        to_port: 22,
        ip_protocol: "tcp",
        description: "ssh",
      },
    });
    expect(findingsOf(rule, doc).map((f) => `${f.address} ${f.status}`)).toEqual([
      "aws_security_group.sg passed",
      "aws_vpc_security_group_ingress_rule.ssh failed",
    ]);
  });
});
