/**
 * The reference systems (../shared/reference/systems.md) as configs: each validates and
 * synthesizes for dev, staging and prod with no blocking guardrail finding. They hold what
 * the platform expresses so far (network, keys, secrets, buckets, observability, audit);
 * the data tier and compute join them as those constructs land.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpecFile } from "../config/load";
import { blocking } from "../guardrails/engine";
import { enforce } from "../guardrails/enforce";
import { buildApp } from "../stacks/build-app";
import { resourcesOfType, type TfJson } from "./helpers";

const dir = join(__dirname, "..", "examples");
const examples = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

function synthesize(file: string) {
  const built = buildApp(loadSpecFile(join(dir, file)), mkdtempSync(join(tmpdir(), "ex-")), { attachGuardrails: false });
  const reports = enforce(built.stacks);
  const tf = (id: string) => built.stacks.find((s) => s.stack.node.id === id)!.stack.toTerraform() as TfJson;
  return { built, reports, tf };
}

describe("reference system examples", () => {
  it("has one config per reference system", () => {
    expect(examples).toEqual(["apprunner-aurora.json", "apprunner-eu.json", "ecs-cdn-hipaa.json", "ecs-hipaa.json", "ecs-mysql-dr.json"]);
  });

  it.each(examples)("%s synthesizes dev, staging and prod with no blocking finding", (file) => {
    const { built, reports } = synthesize(file);
    expect(built.stacks.map((s) => s.stack.node.id.split("-").slice(-2).join("-"))).toEqual([
      "dev-bootstrap", "dev-app", "staging-bootstrap", "staging-app", "prod-bootstrap", "prod-app",
    ]);
    for (const r of reports) expect(blocking(r)).toEqual([]);
    for (const r of reports) expect(r.staleSuppressions).toEqual([]);
  });

  it.each(examples)("%s restricts prod state to its deploy role", (file) => {
    const { built, tf } = synthesize(file);
    const id = built.bootstrapStacks.find((b) => b.node.id.endsWith("-prod-bootstrap"))!.node.id;
    const policies = resourcesOfType(tf(id), "aws_s3_bucket_policy").map((p) => JSON.parse(p.policy).Statement);
    const deny = policies.flat().find((st: any) => st.Sid === "DenyStateAccessExceptTerraformRoles");
    expect(deny.Condition.ArnNotLike["aws:PrincipalArn"]).toEqual([expect.stringMatching(/^arn:aws:iam::333333333333:role\/[a-z]+-prod-deploy$/)]);
  });

  it("R1 apprunner-eu: everything in the EU, 3 AZs in prod, SECRET_KEY of 64 generated characters", () => {
    const { reports, tf } = synthesize("apprunner-eu.json");
    const residency = reports.flatMap((r) => r.findings.filter((f) => f.ruleId === "PRJ_DATA_RESIDENCY"));
    expect(residency.length).toBeGreaterThan(0);
    expect(residency.every((f) => f.status === "passed")).toBe(true);
    expect(resourcesOfType(tf("orthosense-prod-app"), "aws_nat_gateway")).toHaveLength(3);
    expect(resourcesOfType(tf("orthosense-dev-app"), "aws_nat_gateway")).toHaveLength(1);
    expect(resourcesOfType(tf("orthosense-prod-app"), "random_password").map((p) => p.length)).toEqual([64]);
  });

  it("R2 ecs-hipaa: the guide's subnets and single NAT, the PHI field key, third-party key placeholders", () => {
    const prod = synthesize("ecs-hipaa.json").tf("carebow-prod-app");
    expect(resourcesOfType(prod, "aws_subnet").map((s) => s.cidr_block).sort()).toEqual(
      ["10.0.1.0/24", "10.0.11.0/24", "10.0.12.0/24", "10.0.13.0/24", "10.0.2.0/24", "10.0.21.0/24", "10.0.22.0/24", "10.0.23.0/24", "10.0.3.0/24"],
    );
    expect(resourcesOfType(prod, "aws_nat_gateway")).toHaveLength(1);
    expect(resourcesOfType(prod, "aws_kms_alias").map((a) => a.name)).toContain("alias/carebow-prod-phi-fields");
    expect(resourcesOfType(prod, "aws_secretsmanager_secret").map((s) => s.name).sort()).toEqual(["carebow/prod/jwt-secret", "carebow/prod/openai-api-key", "carebow/prod/stripe-secret-key"]);
    expect(resourcesOfType(prod, "aws_secretsmanager_secret_version")).toEqual([]);
  });

  it("R3 apprunner-aurora: a cost budget with alert thresholds per environment", () => {
    const { tf } = synthesize("apprunner-aurora.json");
    const budget = resourcesOfType(tf("periodtracker-dev-app"), "aws_budgets_budget")[0];
    expect(budget.limit_amount).toBe("100.00");
    expect(budget.notification.map((n: any) => n.threshold)).toEqual([50, 80, 100, 100]);
  });

  it("R4 ecs-cdn-hipaa: one JSON secret, failed-login alarms, 7-year audit logs, documents copied to a second region", () => {
    const prod = synthesize("ecs-cdn-hipaa.json").tf("mediflow-prod-app");
    expect(resourcesOfType(prod, "aws_secretsmanager_secret")).toHaveLength(1);
    const appAlarms = resourcesOfType(prod, "aws_cloudwatch_metric_alarm").filter((a) => !a.alarm_name.includes("-cis-"));
    expect(appAlarms.map((a) => a.alarm_name).sort()).toEqual([
      "mediflow-prod-documents-replication-failures-critical",
      "mediflow-prod-documents-replication-failures-warning",
      "mediflow-prod-failed-logins-critical",
      "mediflow-prod-failed-logins-warning",
    ]);
    expect(resourcesOfType(prod, "aws_cloudwatch_log_group").find((g) => g.name === "/aws/cloudtrail/mediflow-prod")!.retention_in_days).toBe(2557);
    expect(resourcesOfType(prod, "aws_s3_bucket").filter((b) => b.region === "us-west-2").map((b) => b.bucket).sort()).toEqual([
      "mediflow-prod-documents-333333333333-replica",
      "mediflow-prod-dr-access-logs-333333333333",
    ]);
  });

  it("R5 ecs-mysql-dr: the guide's state names, four buckets to Glacier after 90 days, replicated to us-west-2 in prod", () => {
    const { tf } = synthesize("ecs-mysql-dr.json");
    const bootstrap = tf("omniportal-prod-bootstrap");
    expect(resourcesOfType(bootstrap, "aws_s3_bucket").map((b) => b.bucket)).toContain("omniportal-terraform-state-prod");
    expect(resourcesOfType(bootstrap, "aws_dynamodb_table")[0].name).toBe("omniportal-terraform-locks-prod");
    const prod = tf("omniportal-prod-app");
    expect(prod.terraform!.backend.s3.key).toBe("omniportal-prod/infrastructure/terraform.tfstate");
    expect(resourcesOfType(prod, "aws_s3_bucket_replication_configuration")).toHaveLength(4);
    const glacier = resourcesOfType(prod, "aws_s3_bucket_lifecycle_configuration").filter((l) => l.rule[0].transition);
    expect(glacier.length).toBe(8); // 4 buckets + 4 replicas
    expect(resourcesOfType(tf("omniportal-dev-app"), "aws_s3_bucket_replication_configuration")).toEqual([]);
  });
});
