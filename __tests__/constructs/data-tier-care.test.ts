/**
 * The data tier's care on the synthesized JSON: freeable-memory alarms sized by the class,
 * the account's RDSOSMetrics log group (encrypted, one owner per account and region), AWS
 * Backup vault locks and failed-job notifications, RDS event notifications, and the alarm
 * topic and key admitting exactly those publishers.
 */
import { App } from "cdktf";
import { CLASS_MEMORY_GIB, ENGINE_CLASSES } from "../../config/database-engines";
import { resolve } from "../../config/resolve";
import { validateSpec } from "../../config/validate";
import { evaluateStack } from "../../guardrails/enforce";
import { AppStack } from "../../stacks/app-stack";
import {
  alarmNamed,
  appStackTf,
  baseSpec,
  onlyResource,
  referenced,
  resourcesOfType,
  synthStack,
  validSpec,
  type TfJson,
} from "../helpers";
import type { AppSpec, EnvironmentName } from "../../config/schema";

const GIB = 1024 ** 3;

function specWith(database: AppSpec["database"], edit: (s: AppSpec) => void = () => undefined): AppSpec {
  const s = baseSpec();
  s.buckets = [];
  s.drRegion = "eu-west-1";
  s.alarmEmails = ["oncall@example.com"];
  s.database = database;
  edit(s);
  return s;
}
const postgres = validSpec(specWith({ engine: "postgres", version: "16", replicateIn: ["prod"] }));
const aurora = validSpec(specWith({ engine: "aurora-postgresql", version: "16", replicateIn: ["prod"] }));
const tfOf = (name: "postgres" | "aurora", env: EnvironmentName): TfJson => appStackTf(name === "postgres" ? postgres : aurora, env);
const statements = (policy: string): any[] => JSON.parse(policy).Statement;
const dataKeyOf = (tf: TfJson) => Object.entries(tf.resource!.aws_kms_key).find(([k]) => k.startsWith("DataKey_"))![1];
const alarmTopicOf = (tf: TfJson) => resourcesOfType(tf, "aws_sns_topic").find((t) => t.name.endsWith("-alarms"))!;
const topicPolicyOf = (tf: TfJson) =>
  statements(resourcesOfType(tf, "aws_sns_topic_policy").find((p) => referenced(tf, p.arn) === alarmTopicOf(tf))!.policy);
const emailOf = (tf: TfJson, topic = alarmTopicOf(tf)) => {
  const emails = resourcesOfType(tf, "aws_sns_topic_subscription").filter(
    (x) => x.protocol === "email" && referenced(tf, x.topic_arn) === topic,
  );
  expect(emails).toHaveLength(1);
  return emails[0];
};

describe("freeable memory alarms: a share of the class's memory", () => {
  it("every class an engine offers has a memory size (an unknown class is a config error before it needs one)", () => {
    for (const classes of Object.values(ENGINE_CLASSES)) for (const c of classes) expect(CLASS_MEMORY_GIB[c]).toBeGreaterThan(0);
    expect(CLASS_MEMORY_GIB).toMatchObject({ "db.t4g.micro": 1, "db.t4g.medium": 4, "db.m7g.large": 8, "db.r7g.large": 16 });
    expect(CLASS_MEMORY_GIB).toMatchObject({ "db.r6i.32xlarge": 1024, "db.m5.24xlarge": 384, "db.t3.2xlarge": 32 });
  });

  it.each([
    // [engine, env, class, spec override]
    ["postgres", "dev", "db.t4g.micro", undefined],
    ["postgres", "prod", "db.r7g.large", { instanceClass: "db.r7g.large" }],
    ["mysql", "staging", "db.m6g.2xlarge", { instanceClass: "db.m6g.2xlarge" }],
    ["aurora-postgresql", "dev", "db.t4g.medium", undefined],
    ["aurora-postgresql", "prod", "db.r7g.large", undefined],
  ] as const)("%s %s on %s: warning 10 %, critical 5 % of its memory, of the instance or the writer", (engine, env, cls, override) => {
    const spec = validSpec(
      specWith({ engine, version: engine === "mysql" ? "8.4" : "16" }, (s) => {
        if (override) s.environments[env]!.overrides = { database: override };
      }),
    );
    const tf = appStackTf(spec, env);
    const warning = alarmNamed(tf, `demo-${env}-db-freeable-memory-warning`);
    const critical = alarmNamed(tf, `demo-${env}-db-freeable-memory-critical`);
    const memory = CLASS_MEMORY_GIB[cls] * GIB;
    expect(warning).toMatchObject({ metric_name: "FreeableMemory", statistic: "Minimum", comparison_operator: "LessThanThreshold" });
    expect(warning.threshold).toBe(Math.round(memory * 0.1));
    expect(critical.threshold).toBe(Math.round(memory * 0.05));
    const instances = [...resourcesOfType(tf, "aws_rds_cluster_instance"), ...resourcesOfType(tf, "aws_db_instance")];
    expect(instances.length).toBeGreaterThan(0);
    for (const i of instances) expect(i.instance_class).toBe(cls);
  });

  it("the micro class's thresholds are below its memory; a fixed Aurora-sized threshold would not be", () => {
    const tf = tfOf("postgres", "dev");
    expect(alarmNamed(tf, "demo-dev-db-freeable-memory-warning").threshold).toBeLessThan(0.2 * GIB);
  });

  it("overridable: percentages per environment, and critical above warning is a config error with its path", () => {
    const spec = validSpec(
      specWith({ engine: "postgres", version: "16" }, (s) => {
        s.environments.prod!.overrides = { database: { freeableMemoryAlarmPercent: { warning: 20, critical: 10 } } };
      }),
    );
    expect(alarmNamed(appStackTf(spec, "prod"), "demo-prod-db-freeable-memory-warning").threshold).toBe(Math.round(4 * GIB * 0.2));
    const bad = validateSpec(
      specWith({ engine: "postgres", version: "16" }, (s) => {
        s.overrides = { database: { freeableMemoryAlarmPercent: { warning: 5, critical: 10 } } };
      }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.map((p) => p.path)).toContain("overrides.database.freeableMemoryAlarmPercent");
    }
  });
});

describe("RDSOSMetrics: enhanced monitoring's log group, encrypted, one owner per account and region", () => {
  it.each(["postgres", "aurora"] as const)("%s: created under the data key, kept logs.retentionDays; instances wait for it", (name) => {
    const tf = tfOf(name, "prod");
    const group = resourcesOfType(tf, "aws_cloudwatch_log_group").find((g) => g.name === "RDSOSMetrics")!;
    expect(group).toMatchObject({ retention_in_days: 365, lifecycle: { prevent_destroy: true } });
    expect(referenced(tf, group.kms_key_id)).toBe(dataKeyOf(tf));
    // The data key lets CloudWatch Logs of this account and region use it for the group.
    const logs = statements(dataKeyOf(tf).policy).find((st) => st.Principal?.Service === "logs.eu-central-1.amazonaws.com")!;
    expect(logs.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"]).toBe("arn:aws:logs:eu-central-1:333333333333:*");
    const instances = [...resourcesOfType(tf, "aws_db_instance"), ...resourcesOfType(tf, "aws_rds_cluster_instance")];
    expect(instances.length).toBeGreaterThan(0);
    for (const i of instances) expect(i.depends_on).toContain("aws_cloudwatch_log_group.DataTier_OsMetricsLogGroup_CCFAB99E");
  });

  it("no database, or osMetricsLogGroup false: no group, and the instance waits for none", () => {
    expect(resourcesOfType(appStackTf(validSpec(baseSpec()), "prod"), "aws_cloudwatch_log_group").map((g) => g.name)).not.toContain(
      "RDSOSMetrics",
    );
    const off = validSpec(
      specWith({ engine: "postgres", version: "16" }, (s) => {
        s.environments.dev!.overrides = { database: { osMetricsLogGroup: false } };
      }),
    );
    const tf = appStackTf(off, "dev");
    expect(resourcesOfType(tf, "aws_cloudwatch_log_group").map((g) => g.name)).not.toContain("RDSOSMetrics");
    expect(onlyResource(tf, "aws_db_instance").depends_on.join()).not.toContain("OsMetricsLogGroup");
  });

  it("two environments with a database in one account and region: a config error until one sets it false", () => {
    const shared = (devOverride?: boolean) =>
      validateSpec(
        specWith({ engine: "postgres", version: "16" }, (s) => {
          s.environments.staging!.accountId = "111111111111";
          // GuardDuty and Config have the same rule; keep this test about the log group.
          s.environments.staging!.overrides = { audit: { guardDuty: false, awsConfig: false } };
          if (devOverride !== undefined) s.environments.dev!.overrides = { database: { osMetricsLogGroup: devOverride } };
        }),
      );
    const bad = shared();
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toEqual([
        {
          path: "environments.staging.overrides.database.osMetricsLogGroup",
          message: expect.stringMatching(/^staging and dev share account 111111111111 in eu-central-1, which holds one RDSOSMetrics/),
        },
      ]);
    }
    expect(shared(false).ok).toBe(true);
    // Another region of the same account has its own group.
    const otherRegion = validateSpec(
      specWith({ engine: "postgres", version: "16" }, (s) => {
        s.environments.staging!.accountId = "111111111111";
        s.environments.staging!.region = "eu-west-1";
        s.drRegion = undefined;
        s.database!.replicateIn = undefined;
      }),
    );
    expect(otherRegion.ok).toBe(true);
  });
});

describe("AWS Backup of the Aurora cluster: locked vaults, failed jobs notified, a role that cannot restore", () => {
  it.each(["dev", "staging", "prod"] as const)(
    "%s: GOVERNANCE lock (no changeable_for_days) on every vault, minimum retention the plan's",
    (env) => {
      const tf = tfOf("aurora", env);
      const locks = resourcesOfType(tf, "aws_backup_vault_lock_configuration");
      expect(locks).toHaveLength(env === "prod" ? 2 : 1);
      const retention = onlyResource(tf, "aws_backup_plan").rule[0].lifecycle.delete_after;
      for (const l of locks) {
        expect(l.changeable_for_days).toBeUndefined();
        expect(l.min_retention_days).toBe(retention);
      }
      const vaults = resourcesOfType(tf, "aws_backup_vault");
      expect(locks.map((l) => referenced(tf, l.backup_vault_name)).sort()).toEqual(vaults.sort());
      if (env === "prod") expect(locks.map((l) => l.region ?? "home").sort()).toEqual(["eu-west-1", "home"]);
    },
  );

  it("COMPLIANCE on request: changeable for 7 days, then permanent", () => {
    const spec = validSpec(
      specWith({ engine: "aurora-postgresql", version: "16", replicateIn: ["prod"] }, (s) => {
        s.environments.prod!.overrides = { database: { backupVaultLockMode: "COMPLIANCE" } };
      }),
    );
    for (const l of resourcesOfType(appStackTf(spec, "prod"), "aws_backup_vault_lock_configuration"))
      expect(l).toMatchObject({ changeable_for_days: 7, min_retention_days: 35 });
  });

  const vaultEvents = [
    "BACKUP_JOB_COMPLETED",
    "COPY_JOB_FAILED",
    "RESTORE_JOB_STARTED",
    "RESTORE_JOB_COMPLETED",
    "RECOVERY_POINT_MODIFIED",
  ];
  const backupFilter = {
    $or: [{ State: [{ "anything-but": ["COMPLETED"] }, { exists: false }] }, { EventType: [{ "anything-but": ["BACKUP_JOB"] }] }],
  };
  const notificationsIn = (tf: TfJson, region?: string) =>
    resourcesOfType(tf, "aws_backup_vault_notifications").find((n) => n.region === region)!;

  const vaultEventsTitle =
    "failed jobs, restores and recovery-point changes go to the alarm topic; the topic and key admit AWS Backup for this vault only";
  it(vaultEventsTitle, () => {
    const tf = tfOf("aurora", "prod");
    const notifications = notificationsIn(tf);
    expect(notifications.backup_vault_events).toEqual(vaultEvents);
    expect(referenced(tf, notifications.sns_topic_arn)).toBe(alarmTopicOf(tf));
    expect(referenced(tf, notifications.backup_vault_name).region).toBeUndefined();
    const condition = {
      StringEquals: { "aws:SourceAccount": "333333333333" },
      ArnLike: { "aws:SourceArn": "arn:aws:backup:eu-central-1:333333333333:backup-vault:demo-prod-db-backups" },
    };
    const topic = topicPolicyOf(tf).find((st) => st.Sid === "AllowBackupVaultToPublish")!;
    expect(topic).toMatchObject({ Effect: "Allow", Principal: { Service: ["backup.amazonaws.com"] }, Action: "sns:Publish" });
    expect(topic.Condition).toEqual(condition);
    const key = statements(dataKeyOf(tf).policy).find((st) => st.Principal?.Service?.includes?.("backup.amazonaws.com"))!;
    expect(key).toMatchObject({ Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Condition: condition });
    // BACKUP_JOB_COMPLETED includes successes: the email subscription drops those, and no restore.
    expect(JSON.parse(emailOf(tf).filter_policy)).toEqual(backupFilter);
  });

  it("prod: the DR copy vault notifies an encrypted topic of its own region, mailed like the alarm topic", () => {
    const tf = tfOf("aurora", "prod");
    const notifications = notificationsIn(tf, "eu-west-1");
    expect(notifications.backup_vault_events).toEqual(vaultEvents);
    const vault = referenced(tf, notifications.backup_vault_name);
    expect(vault.region).toBe("eu-west-1");
    const topic = referenced(tf, notifications.sns_topic_arn);
    expect(topic).toMatchObject({ name: "demo-prod-dr-backups", region: "eu-west-1" });
    const drKey = Object.entries(tf.resource!.aws_kms_key).find(([k]) => k.startsWith("DrKey_"))![1];
    expect(referenced(tf, topic.kms_master_key_id)).toBe(drKey);
    const condition = {
      StringEquals: { "aws:SourceAccount": "333333333333" },
      ArnLike: { "aws:SourceArn": "arn:aws:backup:eu-west-1:333333333333:backup-vault:demo-prod-db-backups" },
    };
    const policy = resourcesOfType(tf, "aws_sns_topic_policy").find((p) => referenced(tf, p.arn) === topic)!;
    expect(policy.region).toBe("eu-west-1");
    const publish = statements(policy.policy).filter((st) => st.Action === "sns:Publish" && st.Effect === "Allow");
    expect(publish).toEqual([expect.objectContaining({ Principal: { Service: ["backup.amazonaws.com"] }, Condition: condition })]);
    const key = statements(drKey.policy).find((st) => st.Principal?.Service?.includes?.("backup.amazonaws.com"))!;
    expect(key).toMatchObject({ Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Condition: condition });
    const email = emailOf(tf, topic);
    expect(email).toMatchObject({ endpoint: "oncall@example.com", region: "eu-west-1" });
    expect(JSON.parse(email.filter_policy)).toEqual(backupFilter);
  });

  it("dev: no DR copy, no DR topic, one vault notified", () => {
    const tf = tfOf("aurora", "dev");
    expect(resourcesOfType(tf, "aws_backup_vault_notifications")).toHaveLength(1);
    expect(resourcesOfType(tf, "aws_sns_topic").map((t) => t.name)).not.toContain("demo-dev-dr-backups");
  });

  it("the backup role backs up and copies under the vault keys; it holds no restore policy", () => {
    const tf = tfOf("aurora", "prod");
    const role = referenced(tf, onlyResource(tf, "aws_backup_selection").iam_role_arn);
    const attached = resourcesOfType(tf, "aws_iam_role_policy_attachment").filter((a) => referenced(tf, a.role) === role);
    expect(attached.map((a) => a.policy_arn)).toEqual(["arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"]);
    const own = resourcesOfType(tf, "aws_iam_role_policy").filter((p) => referenced(tf, p.role) === role);
    const granting = own.flatMap((p) => statements(p.policy)).filter((st) => [st.Action].flat().includes("kms:CreateGrant"));
    // A grant hands out the key's use: only to the AWS services that snapshot and copy.
    expect(granting).toEqual([expect.objectContaining({ Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } } })]);
  });
});

describe("RDS instance and Aurora cluster events to the alarm topic", () => {
  it.each(["dev", "prod"] as const)(
    "%s: failure, low-storage, configuration, deletion, failover and security events of the instance; " +
      "the topic and key admit that subscription only",
    (env) => {
      const tf = tfOf("postgres", env);
      const subscription = onlyResource(tf, "aws_db_event_subscription");
      expect(subscription).toMatchObject({
        name: `demo-${env}-db-events`,
        source_type: "db-instance",
        event_categories: ["configuration change", "deletion", "failover", "failure", "low storage", "security"],
      });
      expect(subscription.source_ids).toEqual([
        expect.stringMatching(/^\$\{aws_db_instance\.DataTier_Database_Instance_\w+\.identifier\}$/),
      ]);
      expect(referenced(tf, subscription.sns_topic)).toBe(alarmTopicOf(tf));
      const account = { dev: "111111111111", prod: "333333333333" }[env];
      const condition = {
        StringEquals: { "aws:SourceAccount": account },
        ArnLike: { "aws:SourceArn": `arn:aws:rds:eu-central-1:${account}:es:demo-${env}-db-events` },
      };
      expect(topicPolicyOf(tf).find((st) => st.Sid === "AllowRdsEventsToPublish")).toMatchObject({
        Principal: { Service: ["events.rds.amazonaws.com"] },
        Condition: condition,
      });
      const key = statements(dataKeyOf(tf).policy).find((st) => st.Principal?.Service?.includes?.("events.rds.amazonaws.com"))!;
      expect(key.Condition).toEqual(condition);
      // No AWS Backup here: nothing to filter out of the mail.
      expect(emailOf(tf).filter_policy).toBeUndefined();
      expect(topicPolicyOf(tf).map((st) => st.Sid)).not.toContain("AllowBackupVaultToPublish");
    },
  );

  it("Aurora: a db-cluster subscription to the cluster's own categories, admitted next to the backup vault", () => {
    const tf = tfOf("aurora", "prod");
    const subscription = onlyResource(tf, "aws_db_event_subscription");
    expect(subscription).toMatchObject({
      name: "demo-prod-db-events",
      source_type: "db-cluster",
      event_categories: ["configuration change", "deletion", "failover", "failure"],
    });
    expect(subscription.source_ids).toHaveLength(1);
    expect(subscription.source_ids[0]).toMatch(/\.cluster_identifier\}$/);
    expect(referenced(tf, subscription.source_ids[0])).toBe(onlyResource(tf, "aws_rds_cluster"));
    expect(referenced(tf, subscription.sns_topic)).toBe(alarmTopicOf(tf));
    const condition = {
      StringEquals: { "aws:SourceAccount": "333333333333" },
      ArnLike: { "aws:SourceArn": "arn:aws:rds:eu-central-1:333333333333:es:demo-prod-db-events" },
    };
    expect(topicPolicyOf(tf).find((st) => st.Sid === "AllowRdsEventsToPublish")!.Condition).toEqual(condition);
    const key = statements(dataKeyOf(tf).policy).find((st) => st.Principal?.Service?.includes?.("events.rds.amazonaws.com"))!;
    expect(key.Condition).toEqual(condition);
  });

  it("read replicas are watched by the same subscription", () => {
    const spec = validSpec(
      specWith({ engine: "postgres", version: "16" }, (s) => {
        s.environments.prod!.overrides = { database: { readReplicas: 1 } };
      }),
    );
    const ids = onlyResource(appStackTf(spec, "prod"), "aws_db_event_subscription").source_ids;
    expect(ids).toHaveLength(2);
    expect(ids[1]).toMatch(/DataTier_Database_Replica1_Instance_\w+\.identifier/);
  });
});

describe("guardrails", () => {
  it.each(["dev", "staging", "prod"] as const)("%s: the whole stack, PostgreSQL and Aurora, has no failed or unknown finding", (env) => {
    for (const spec of [postgres, aurora]) {
      const stack = new AppStack(new App(), resolve(spec, env));
      synthStack(stack); // runs the protection aspect
      const blocking = evaluateStack({ stack }).findings.filter((f) => f.status === "failed" || f.status === "unknown");
      expect(blocking.map((f) => `${f.ruleId} ${f.address}`)).toEqual([]);
    }
  });
});
