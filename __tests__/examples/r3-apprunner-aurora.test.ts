/**
 * R3 `apprunner-aurora` (two App Runner services on Aurora PostgreSQL): every bullet of its
 * guide on the synthesized JSON of examples/apprunner-aurora.json.
 */
import { onlyResource, referenced, resourcesOfType } from "../helpers";
import { blockingFindings, expectPinnedStateful, synthesizeExample } from "./synthesize";
import { ENVIRONMENTS } from "../../config/schema";

const { tf, reports } = synthesizeExample("apprunner-aurora.json");
const app = (env: string) => tf(`periodtracker-${env}-app`);

describe("R3 apprunner-aurora", () => {
  it("synthesizes dev, staging and prod in ap-south-1 with no blocking finding and no stale suppression", () => {
    expect(reports).toHaveLength(6);
    expect(blockingFindings(reports)).toEqual([]);
    for (const env of ENVIRONMENTS) expect(app(env).provider!.aws[0].region).toBe("ap-south-1");
    const residency = reports.flatMap((r) => r.findings.filter((f) => f.ruleId === "PRJ_DATA_RESIDENCY"));
    expect(residency.filter((f) => f.status !== "passed")).toEqual([]);
  });

  it.each(ENVIRONMENTS)("%s: a CMS (port 5000) and an API (port 3000) on App Runner from two ECR repositories, deployed by tag", (env) => {
    const t = app(env);
    const services = resourcesOfType(t, "aws_apprunner_service");
    expect(services.map((x) => x.service_name).sort()).toEqual([`periodtracker-${env}-api`, `periodtracker-${env}-cms`]);
    expect(
      resourcesOfType(t, "aws_ecr_repository")
        .map((r) => r.name)
        .sort(),
    ).toEqual([`periodtracker-${env}-api`, `periodtracker-${env}-cms`]);
    for (const [name, port] of [
      ["cms", "5000"],
      ["api", "3000"],
    ]) {
      const svc = services.find((x) => x.service_name === `periodtracker-${env}-${name}`)!;
      const image = svc.source_configuration.image_repository;
      expect(image.image_identifier).toMatch(
        new RegExp(`^\\$\\{aws_ecr_repository\\.ComputeTier_Repository-${name}_\\w+\\.repository_url\\}:1\\.0\\.0$`),
      );
      expect(image.image_configuration.port).toBe(port);
      // The guide's automatic deployment on push stays off: Terraform deploys the configured tag.
      expect(svc.source_configuration.auto_deployments_enabled).toBe(false);
      expect(svc.auto_scaling_configuration_arn).toMatch(new RegExp(`ComputeTier_AppRunner-${name}_AutoScaling`));
    }
  });

  it.each(ENVIRONMENTS)(
    "%s: the guide's runtime configuration: plain DATABASE_* and NODE_ENV, PASSPORT_SECRET from Secrets Manager",
    (env) => {
      const t = app(env);
      for (const name of ["cms", "api"]) {
        const svc = resourcesOfType(t, "aws_apprunner_service").find((x) => x.service_name === `periodtracker-${env}-${name}`)!;
        const config = svc.source_configuration.image_repository.image_configuration;
        expect(config.runtime_environment_variables).toMatchObject({
          NODE_ENV: "production",
          DATABASE_HOST: expect.stringMatching(/^\$\{aws_rds_cluster\.DataTier_Cluster_\w+\.endpoint\}$/),
          DATABASE_NAME: "periodtracker",
          DATABASE_USERNAME: name,
          DATABASE_SCHEMA: "periodtracker",
        });
        expect(Object.keys(config.runtime_environment_secrets)).toEqual(["PASSPORT_SECRET"]);
        expect(referenced(t, config.runtime_environment_secrets.PASSPORT_SECRET).name).toBe(`periodtracker/${env}/passport-secret`);
        // IAM database authentication replaces DATABASE_PASSWORD: no password in the plain variables.
        expect(Object.keys(config.runtime_environment_variables).filter((k) => /PASSWORD|SECRET/.test(k))).toEqual([]);
      }
      // PASSPORT_SECRET only: the cluster's master password is RDS-managed.
      expect(resourcesOfType(t, "aws_secretsmanager_secret").map((x) => x.name)).toEqual([`periodtracker/${env}/passport-secret`]);
    },
  );

  it.each(ENVIRONMENTS)(
    "%s: Aurora PostgreSQL named after the app in private subnets, 7-day backups, TLS forced, Performance Insights",
    (env) => {
      const t = app(env);
      const cluster = onlyResource(t, "aws_rds_cluster");
      expect(cluster).toMatchObject({
        engine: "aurora-postgresql",
        database_name: "periodtracker",
        backup_retention_period: 7,
        storage_encrypted: true,
        iam_database_authentication_enabled: true,
      });
      for (const s of referenced(t, cluster.db_subnet_group_name).subnet_ids)
        expect(referenced(t, s)["//"].metadata.path).toMatch(/\/Data/);
      expect(referenced(t, cluster.db_cluster_parameter_group_name).parameter).toContainEqual(
        expect.objectContaining({ name: "rds.force_ssl", value: "1" }),
      );
      const instances = resourcesOfType(t, "aws_rds_cluster_instance");
      // Multi-AZ: a reader in another AZ as failover target in staging and prod.
      expect(instances).toHaveLength(env === "dev" ? 1 : 2);
      for (const i of instances) expect(i).toMatchObject({ performance_insights_enabled: true, publicly_accessible: false });
      expect(resourcesOfType(t, "aws_db_instance")).toEqual([]);
    },
  );

  it("backups copied to a second region (ap-south-2) in prod only", () => {
    for (const env of ENVIRONMENTS) {
      const t = app(env);
      const copies = onlyResource(t, "aws_backup_plan").rule[0].copy_action;
      expect(copies ? copies.map((c: any) => referenced(t, c.destination_vault_arn).region) : []).toEqual(
        env === "prod" ? ["ap-south-2"] : [],
      );
    }
  });

  it.each(ENVIRONMENTS)("%s: ECR lifecycle policies, log retention of a year", (env) => {
    const t = app(env);
    const policies = resourcesOfType(t, "aws_ecr_lifecycle_policy").map((p) => JSON.parse(p.policy).rules.length);
    expect(policies).toEqual([2, 2]);
    const groups = resourcesOfType(t, "aws_cloudwatch_log_group");
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.retention_in_days).toBeGreaterThanOrEqual(365);
  });

  it("a monthly cost budget with alert thresholds per environment", () => {
    const budget = (env: string) => onlyResource(app(env), "aws_budgets_budget");
    expect(ENVIRONMENTS.map((e) => budget(e).limit_amount)).toEqual(["100.00", "250.00", "600.00"]);
    // Actual 50/80/100 % in dev (the config's), and the forecast at 100 % always.
    expect(budget("dev").notification.map((n: any) => [n.notification_type, n.threshold])).toEqual([
      ["ACTUAL", 50],
      ["ACTUAL", 80],
      ["ACTUAL", 100],
      ["FORECASTED", 100],
    ]);
  });

  it("pins the addresses of its stateful resources (prod; dev holds a subset)", () => {
    expectPinnedStateful(app("prod"), app("dev"), PROD_STATEFUL);
  });
});

const PROD_STATEFUL = [
  "aws_backup_vault.DataTier_ClusterBackup_CopyVault_3535835B",
  "aws_backup_vault.DataTier_ClusterBackup_Vault_8FC2F32C",
  "aws_cloudtrail.Audit_Trail_3BF4E139",
  "aws_cloudwatch_log_group.Audit_TrailLogGroup_104680F1",
  "aws_cloudwatch_log_group.ComputeTier_WebAcl_LogGroup_E41E01D9",
  "aws_cloudwatch_log_group.DataTier_Cluster_LogGroup-postgresql_LogGroup_BBD7C119",
  "aws_cloudwatch_log_group.DataTier_OsMetricsLogGroup_CCFAB99E",
  "aws_cloudwatch_log_group.Network_FlowLogGroup_2BDFE538",
  "aws_cloudwatch_log_group.Observability_AppLogGroup_F4E19BFD",
  "aws_ecr_repository.ComputeTier_Repository-api_Repository_FE3D40C1",
  "aws_ecr_repository.ComputeTier_Repository-cms_Repository_4219633C",
  "aws_guardduty_detector.Audit_DrGuardDuty_657E243D",
  "aws_guardduty_detector.Audit_GuardDuty_AB53A8C3",
  "aws_kms_alias.Audit_AuditKey_Alias_660B48F3",
  "aws_kms_alias.DataKey_Alias_99EFF7B9",
  "aws_kms_alias.DrKey_Alias_FA254790",
  "aws_kms_key.Audit_AuditKey_C2D319ED",
  "aws_kms_key.DataKey_0F118E08",
  "aws_kms_key.DrKey_4F61603B",
  "aws_rds_cluster.DataTier_Cluster_AF4A3C9A",
  "aws_s3_bucket.AccessLogBucket_E6559820",
  "aws_s3_bucket.Audit_AuditBucket_75A22C72",
  "aws_s3_bucket.Audit_ConfigBucket_1E28D55D",
  "aws_s3_bucket_object_lock_configuration.Audit_AuditBucket_ObjectLock_475A3AB7",
  "aws_secretsmanager_secret.Secret-passport-secret_Secret_43F5B708",
  "random_password.Secret-passport-secret_Value-value_7F5D0670",
];
