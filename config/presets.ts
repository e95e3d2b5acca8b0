/**
 * Every default of the project, in one place. `resolve()` merges a spec over these; no
 * construct or stack defaults anything itself.
 */
import type { EnvironmentName, Settings } from "./schema";

/** Defaults of the spec-wide fields. */
export const SPEC_DEFAULTS = {
  compliance: [] as string[],
  tags: {} as Record<string, string>,
  /** Classes whose buckets get CloudTrail S3 data events unless a bucket says otherwise. */
  dataEventClassifications: ["pii", "phi"] as string[],
  /** New subnet prefix bits below the VPC CIDR, and the index each tier starts at. */
  subnetNewBits: 4,
  subnetTierOffsets: { public: 0, app: 4, data: 8 },
  /** Period of a log metric alarm. */
  logMetricAlarmPeriodSeconds: 60,
  /**
   * Failed replication operations per 5 minutes of a replicating bucket: any failure warns,
   * more than 10 is critical (a DR copy of PHI that silently stops is worse than none).
   */
  replicationFailureAlarm: { warning: 0, critical: 10, periodSeconds: 300 },
} as const;

/** Defaults of the relational database that do not vary per environment. */
export const DATABASE_DEFAULTS = {
  /** Master user; its password is created and rotated by RDS in Secrets Manager. */
  masterUsername: "dbadmin",
  /** Enhanced monitoring: OS metrics every 60 s (CKV_AWS_118). */
  monitoringIntervalSeconds: 60,
  /** Performance Insights: the 7 days AWS keeps at no charge. */
  performanceInsightsRetentionDays: 7,
  /**
   * Extended Support stays on, the AWS default, written out: with it off, RDS upgrades the
   * major version by itself when standard support ends, an unreviewed upgrade of a database
   * with PHI. A major past standard support cannot be created with it off.
   */
  engineLifecycleSupport: "open-source-rds-extended-support",
  /**
   * Where read replicas are asked for, the master password is generated (AWS allows no
   * replica of a source whose password Secrets Manager manages): 32 letters and digits
   * (MySQL takes at most 41; no punctuation, which URLs and shells mangle), kept in the
   * secret `<app>/<env>/<generatedSecretName>`.
   */
  generatedPasswordLength: 32,
  generatedSecretName: "database-master",
  /**
   * Aurora's daily AWS Backup job (UTC; Aurora's own continuous backups run besides it):
   * after the backup window and clear of the Sunday maintenance window. Its copies go to
   * drRegion where the database replicates backups.
   */
  auroraBackupSchedule: "cron(0 6 ? * * *)",
  /**
   * Days a COMPLIANCE vault lock (database.backupVaultLockMode) stays changeable after it is
   * applied: a week to notice a mistake before the lock can never be lifted (AWS's minimum is 3).
   */
  backupVaultLockChangeableForDays: 7,
} as const;

/**
 * Freeable memory warns below 10 % of the class's memory and is critical below 5 %, every
 * class and engine (db.t4g.micro: ~102 / 51 MiB; db.r7g.large: ~1.6 / 0.8 GiB): at that point
 * the OS starts to swap and the engine's caches shrink. A share, not bytes, so a threshold
 * sized for a large class does not fire forever on a micro one.
 */
const FREEABLE_MEMORY_ALARM_PERCENT = { warning: 10, critical: 5 };

/** Defaults of the cache that do not vary per environment. */
export const CACHE_DEFAULTS = {
  /** Redis and Valkey port; TLS on it (transit_encryption_mode required). */
  port: 6379,
  /**
   * The AUTH token, generated at apply time: letters and digits only (ElastiCache refuses
   * some punctuation, and the token goes into connection URLs), 64 of 16-128 allowed.
   */
  authToken: { length: 64, special: false },
  /** Secret that holds it, `<app>/<env>/<name>`: a config secret may not take the name. */
  authSecretName: "cache-auth-token",
} as const;

/** Defaults of the state backend. Templates take {app}, {env}, {account}, {region}. */
export const STATE_DEFAULTS = {
  locking: "dynamodb",
  bucketName: "{app}-{env}-tfstate-{account}",
  lockTableName: "{app}-{env}-tflock",
  key: "{app}/{env}/terraform.tfstate",
  bootstrapKey: "{app}/{env}/bootstrap.tfstate",
  bootstrapBackend: "local",
  /**
   * prevent_destroy (and DynamoDB deletion protection) on the bootstrap stack's key,
   * buckets and lock table in every environment, dev included: losing the state of a
   * disposable environment still orphans every resource it created.
   */
  preventDestroy: true,
  /** The state key waits the maximum before deletion in every environment: losing it loses the state. */
  kmsDeletionWindowDays: 30,
  /** Local state file of a bootstrap stack before migration, relative to its stack dir. */
  bootstrapLocalStatePath: "../../../terraform-state/{app}-{env}-bootstrap.tfstate",
} as const;

/** Defaults of GitHub delivery (`delivery.github`). Role and policy names take {app}, {env}, {account}, {region}. */
export const GITHUB_DEFAULTS = {
  defaultBranch: "main",
  planRoleName: "{app}-{env}-github-plan",
  deployRoleName: "{app}-{env}-github-deploy",
  /** The permissions boundary every role the app stack creates carries, and the deploy role may only create roles with. */
  permissionsBoundaryName: "{app}-{env}-permissions-boundary",
  oidcProvider: "create",
  /** GitHub's OIDC issuer and the audience aws-actions/configure-aws-credentials asks for. */
  oidcHost: "token.actions.githubusercontent.com",
  audience: "sts.amazonaws.com",
  /** Plans are quick; the plan role keeps IAM's default. */
  planSessionHours: 1,
  /** A Multi-AZ database or a distribution can take over an hour to create. */
  deploySessionHours: 2,
  /**
   * Pull requests plan dev and staging only: the plan role reads state, which holds the
   * generated secrets, and a pull request can change the workflow that assumes it, so prod
   * state is read only from the default branch.
   */
  pullRequestPlans: ["dev", "staging"],
  /** Stack that holds the roles when the state lives in another account. */
  stackSuffix: "github",
  /** Its state key in the environment's state bucket. */
  stateKey: "{app}/{env}/github.tfstate",
} as const;

/**
 * Security alerts, the same in every environment: a dev account holds no PHI, but an
 * attacker in it is still one. GuardDuty severity 7 and above is "high".
 */
const ALERTS: Settings["alerts"] = { guardDutyFindings: true, guardDutyMinSeverity: 7, configCompliance: true, cisMetricFilters: true };

/** Defaults of container services and the load balancer that do not vary per environment. */
export const COMPUTE_DEFAULTS = {
  /** Non-root uid:gid the container runs as unless a service names its own. */
  user: "1000:1000",
  /** TLS 1.3 and 1.2 only; both scanners accept it (CKV_AWS_103, AWS-0047). */
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  /** Seconds the ALB drains a target before it is removed. */
  deregistrationDelaySeconds: 30,
  /** Seconds a new task may fail health checks while it starts. */
  healthCheckGraceSeconds: 60,
  /** Key prefix of the ALB's access logs in its log bucket. */
  albLogPrefix: "alb",
  /**
   * ALB to tasks: HTTP. TLS ends at the ALB; the hop stays in the VPC's private subnets and
   * the tasks' group admits only the ALB. A service asks for HTTPS with `targetProtocol`.
   */
  targetProtocol: "HTTP",
  /** Listener rule priorities: 10, 20, ... by position, so a rule can be put between two. */
  routingPriorityStep: 10,
  /** Fewer running tasks than minCount for 5 one-minute periods is critical (deployments swap tasks within that). */
  runningTasksAlarm: { periodSeconds: 60, evaluationPeriods: 5 },
  /**
   * Interface endpoints an ECS task needs at start: image manifest and layers' URLs (ecr.api,
   * ecr.dkr; layers come from S3 through the gateway endpoint), its log stream (logs), and
   * secretsmanager when it injects secrets. kms when the app uses a key itself. Without one
   * of them the service's group sends HTTPS out through NAT (README, Compute: egress).
   */
  ecsStartEndpoints: ["ecr.api", "ecr.dkr", "logs"],
} as const;

/**
 * The REGIONAL web ACL in front of the ALB, the same in every environment. First the rate
 * rule (every request counts towards it): an IP above 2,000 requests in 5 minutes (about 7
 * a second) is blocked. Then the managed groups in this order: IP reputation and anonymous
 * IPs (cheap; CKV2_AWS_76 asks for AnonymousIpList), the core rule set, known bad inputs
 * (Log4j, CKV_AWS_192) and SQL injection: 1,177 WCU, below the 1,500 the price includes.
 * The blocked-requests pair: 100 blocks per 5 minutes warn, 1,000 are an attack.
 */
export const WAF_DEFAULTS = {
  managedRuleGroups: [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesAnonymousIpList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
  ],
  rateLimitPer5Min: 2000,
  /** Headers replaced by REDACTED in the logs: credentials and sessions. */
  redactedHeaders: ["authorization", "cookie"],
  blockedRequestsAlarm: { warning: 100, critical: 1000 },
} as const;

/**
 * Alarms of each service, the same in every environment: CPU and memory 80/90 %, target
 * 5xx above 5/10 per 5 minutes and p95 latency above 1/2 s (R1), any unhealthy target warns
 * and 2 are critical. Scaling holds CPU at 60 % and memory at 70 %, below the alarms.
 * Repositories keep the newest 30 images and untagged ones 7 days.
 */
const COMPUTE_CARE = {
  cpuTargetPercent: 60,
  memoryTargetPercent: 70,
  cpuAlarmPercent: { warning: 80, critical: 90 },
  memoryAlarmPercent: { warning: 80, critical: 90 },
  http5xxAlarm: { warning: 5, critical: 10 },
  latencyP95AlarmSeconds: { warning: 1, critical: 2 },
  unhealthyTargetsAlarm: { warning: 0, critical: 1 },
  // R4/R5: "error rate > 1 %" warns; 5 % of requests failing is an outage for some clients.
  errorRateAlarmPercent: { warning: 1, critical: 5 },
  imagesKept: 30,
  untaggedImageDays: 7,
};

/** Value of the ManagedBy tag. */
export const MANAGED_BY = "cdktf";

/**
 * dev: cheap and disposable (2 AZs, one NAT, no interface endpoints), but logs still meet
 *   CKV_AWS_338 (>= 365 days).
 * staging: like prod, minus delete protection and the third AZ, so it can be rebuilt.
 * prod: everything stateful protected; 3 AZs with a NAT each; audit evidence kept 7 years
 *   (HIPAA asks 6 years of documentation; 2557 days is the CloudWatch value above 7 years)
 *   under COMPLIANCE-mode Object Lock (dev and staging: GOVERNANCE, which a privileged
 *   role can bypass).
 * database: dev single-AZ on the smallest Graviton class, 7 days of backups; staging
 *   Multi-AZ, 14 days; prod Multi-AZ, 35 days (the RDS maximum). Sizes are R1's. Alarms:
 *   CPU 70/80 % and connections 100/150 (R1; dev's micro class allows ~80, so 60/80);
 *   free storage below 5/2 GiB (autoscaling grows storage at 10 % free first, so these mean the
 *   ceiling is near). Backups 03:00-04:00 UTC, maintenance Sunday 04:30-05:30 UTC (R4).
 *   No read replicas by default: a replica costs the RDS-managed master password (AWS
 *   refuses replicas of such a source), so a config asks for them (R5). Replica lag warns
 *   above 60 s and is critical above 300 s (reads that stale serve old PHI). Freeable memory:
 *   FREEABLE_MEMORY_ALARM_PERCENT of the class's memory.
 * Aurora PostgreSQL (engine aurora-postgresql): a writer on db.t4g.medium (the smallest
 *   class Aurora offers) alone in dev; a reader in another AZ as failover target in staging
 *   and prod (Multi-AZ), prod on db.r7g.large (AWS advises against burstable classes in
 *   production). The same backups, windows and CPU/connection/lag/memory alarms as above.
 *   Its AWS Backup vaults are GOVERNANCE-locked everywhere, prod included: COMPLIANCE can
 *   never be undone after its grace days, so a config opts in (database.backupVaultLockMode).
 * RDSOSMetrics (enhanced monitoring's log group, one per account and region) is created by
 *   every environment; where two share an account and region, one sets osMetricsLogGroup false.
 * cache: dev and staging one node of cache.t4g.micro / small (R1), no failover; prod two
 *   nodes, Multi-AZ with automatic failover (R1, R4). Snapshots kept 1 / 7 / 7 days (R5),
 *   taken 02:00-03:00 UTC; maintenance Sunday 05:30-06:30 UTC, after the database's.
 *   Alarms: memory 70/80 % (R1); any eviction warns, 100 per 5 minutes is critical (data
 *   the app wrote is gone: sessions, rate-limit counters); replication lag 1/5 s.
 * compute: Fargate tasks of 256/512, 512/1024, 1024/2048 (CPU units/MiB); scaling 1-2,
 *   1-5, 2-10 tasks (R1's), prod starting at 2 so one AZ can fail. Care: COMPUTE_CARE.
 *   ECS deployments roll back on the service's critical error-rate, latency and unhealthy-target
 *   alarms in staging and prod (R5); dev only on the circuit breaker, so a noisy dev alarm does
 *   not undo every release being tried there.
 */
export const PRESETS: Record<EnvironmentName, Settings> = {
  dev: {
    protection: { preventDestroy: false },
    kms: { deletionWindowDays: 7 },
    logs: { retentionDays: 365, auditRetentionDays: 365 },
    storage: { noncurrentVersionExpirationDays: 30, accessLogExpirationDays: 365 },
    network: { vpcCidr: "10.0.0.0/16", azCount: 2, natGateways: "single", interfaceEndpoints: [] },
    secrets: { recoveryWindowDays: 7 },
    audit: { cloudTrail: true, guardDuty: true, awsConfig: true, objectLockMode: "GOVERNANCE", readerArns: [] },
    database: {
      instanceClass: "db.t4g.micro",
      allocatedStorageGb: 20,
      maxAllocatedStorageGb: 100,
      multiAz: false,
      backupRetentionDays: 7,
      backupWindow: "03:00-04:00",
      maintenanceWindow: "sun:04:30-sun:05:30",
      cpuAlarmPercent: { warning: 70, critical: 80 },
      freeStorageAlarmGb: { warning: 5, critical: 2 },
      connectionsAlarm: { warning: 60, critical: 80 },
      readReplicas: 0,
      replicaLagAlarmSeconds: { warning: 60, critical: 300 },
      auroraInstanceClass: "db.t4g.medium",
      auroraReaders: 0,
      freeableMemoryAlarmPercent: FREEABLE_MEMORY_ALARM_PERCENT,
      osMetricsLogGroup: true,
      backupVaultLockMode: "GOVERNANCE",
    },
    alerts: ALERTS,
    cache: {
      nodeType: "cache.t4g.micro",
      nodeCount: 1,
      multiAz: false,
      snapshotRetentionDays: 1,
      snapshotWindow: "02:00-03:00",
      maintenanceWindow: "sun:05:30-sun:06:30",
      memoryAlarmPercent: { warning: 70, critical: 80 },
      evictionsAlarm: { warning: 0, critical: 100 },
      replicationLagAlarmSeconds: { warning: 1, critical: 5 },
    },
    compute: { cpu: 256, memoryMb: 512, desiredCount: 1, minCount: 1, maxCount: 2, rollbackOnAlarms: false, ...COMPUTE_CARE },
    budget: { monthlyLimitUsd: 200, alertThresholdsPercent: [80, 100] },
  },
  staging: {
    protection: { preventDestroy: false },
    kms: { deletionWindowDays: 14 },
    logs: { retentionDays: 365, auditRetentionDays: 731 },
    storage: { noncurrentVersionExpirationDays: 90, accessLogExpirationDays: 731 },
    network: {
      vpcCidr: "10.0.0.0/16",
      azCount: 2,
      natGateways: "perAz",
      interfaceEndpoints: ["ecr.api", "ecr.dkr", "secretsmanager", "logs", "kms"],
    },
    secrets: { recoveryWindowDays: 14 },
    audit: { cloudTrail: true, guardDuty: true, awsConfig: true, objectLockMode: "GOVERNANCE", readerArns: [] },
    database: {
      instanceClass: "db.t4g.small",
      allocatedStorageGb: 20,
      maxAllocatedStorageGb: 200,
      multiAz: true,
      backupRetentionDays: 14,
      backupWindow: "03:00-04:00",
      maintenanceWindow: "sun:04:30-sun:05:30",
      cpuAlarmPercent: { warning: 70, critical: 80 },
      freeStorageAlarmGb: { warning: 5, critical: 2 },
      connectionsAlarm: { warning: 100, critical: 150 },
      readReplicas: 0,
      replicaLagAlarmSeconds: { warning: 60, critical: 300 },
      auroraInstanceClass: "db.t4g.medium",
      auroraReaders: 1,
      freeableMemoryAlarmPercent: FREEABLE_MEMORY_ALARM_PERCENT,
      osMetricsLogGroup: true,
      backupVaultLockMode: "GOVERNANCE",
    },
    alerts: ALERTS,
    cache: {
      nodeType: "cache.t4g.small",
      nodeCount: 1,
      multiAz: false,
      snapshotRetentionDays: 7,
      snapshotWindow: "02:00-03:00",
      maintenanceWindow: "sun:05:30-sun:06:30",
      memoryAlarmPercent: { warning: 70, critical: 80 },
      evictionsAlarm: { warning: 0, critical: 100 },
      replicationLagAlarmSeconds: { warning: 1, critical: 5 },
    },
    compute: { cpu: 512, memoryMb: 1024, desiredCount: 1, minCount: 1, maxCount: 5, rollbackOnAlarms: true, ...COMPUTE_CARE },
    budget: { monthlyLimitUsd: 500, alertThresholdsPercent: [80, 100] },
  },
  prod: {
    protection: { preventDestroy: true },
    kms: { deletionWindowDays: 30 },
    logs: { retentionDays: 365, auditRetentionDays: 2557 },
    storage: { noncurrentVersionExpirationDays: 365, accessLogExpirationDays: 2557 },
    network: {
      vpcCidr: "10.0.0.0/16",
      azCount: 3,
      natGateways: "perAz",
      interfaceEndpoints: ["ecr.api", "ecr.dkr", "secretsmanager", "logs", "kms"],
    },
    secrets: { recoveryWindowDays: 30 },
    audit: { cloudTrail: true, guardDuty: true, awsConfig: true, objectLockMode: "COMPLIANCE", readerArns: [] },
    database: {
      instanceClass: "db.t4g.medium",
      allocatedStorageGb: 100,
      maxAllocatedStorageGb: 1000,
      multiAz: true,
      backupRetentionDays: 35,
      backupWindow: "03:00-04:00",
      maintenanceWindow: "sun:04:30-sun:05:30",
      cpuAlarmPercent: { warning: 70, critical: 80 },
      freeStorageAlarmGb: { warning: 5, critical: 2 },
      connectionsAlarm: { warning: 100, critical: 150 },
      readReplicas: 0,
      replicaLagAlarmSeconds: { warning: 60, critical: 300 },
      auroraInstanceClass: "db.r7g.large",
      auroraReaders: 1,
      freeableMemoryAlarmPercent: FREEABLE_MEMORY_ALARM_PERCENT,
      osMetricsLogGroup: true,
      backupVaultLockMode: "GOVERNANCE",
    },
    alerts: ALERTS,
    cache: {
      nodeType: "cache.t4g.medium",
      nodeCount: 2,
      multiAz: true,
      snapshotRetentionDays: 7,
      snapshotWindow: "02:00-03:00",
      maintenanceWindow: "sun:05:30-sun:06:30",
      memoryAlarmPercent: { warning: 70, critical: 80 },
      evictionsAlarm: { warning: 0, critical: 100 },
      replicationLagAlarmSeconds: { warning: 1, critical: 5 },
    },
    compute: { cpu: 1024, memoryMb: 2048, desiredCount: 2, minCount: 2, maxCount: 10, rollbackOnAlarms: true, ...COMPUTE_CARE },
    budget: { monthlyLimitUsd: 1000, alertThresholdsPercent: [50, 80, 100] },
  },
};

/**
 * CloudFront, the same in every environment. The security headers are R1's: HSTS for a
 * year with subdomains and preload, nosniff, frame DENY, X-XSS-Protection in block mode,
 * strict-origin-when-cross-origin; the CSP admits only the site itself unless the config
 * writes its own. Viewers need TLS 1.2 (TLSv1.2_2021 ciphers). Price class 100 serves from
 * North America and Europe. The ALB admits CloudFront only with the secret origin header
 * (48 random letters and digits, generated at apply time).
 */
export const CDN_DEFAULTS = {
  apiPathPatterns: ["/api/*"],
  /**
   * None: with the ALB as the default origin nothing is cached unless the config names its
   * static paths. A cached path is served to anyone for up to a day with no authorization in
   * the cache key, so only the app knows which of its paths hold no PHI.
   */
  staticPathPatterns: [] as string[],
  contentSecurityPolicy:
    "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  hstsMaxAgeSeconds: 31536000,
  referrerPolicy: "strict-origin-when-cross-origin",
  minimumProtocolVersion: "TLSv1.2_2021",
  priceClass: "PriceClass_100",
  defaultRootObject: "index.html",
  /** AWS managed cache and origin request policies, looked up by name. */
  cachingOptimizedPolicy: "Managed-CachingOptimized",
  cachingDisabledPolicy: "Managed-CachingDisabled",
  /** Every viewer header but Host, so the ALB sees its own host name (its certificate's). */
  albOriginRequestPolicy: "Managed-AllViewerExceptHostHeader",
  originHeaderName: "X-Origin-Verify",
  originSecretLength: 48,
  /** The AWS managed prefix list of CloudFront's origin-facing addresses. */
  originFacingPrefixList: "com.amazonaws.global.cloudfront.origin-facing",
  /** Region AWS requires for a distribution's certificate, its CLOUDFRONT-scope web ACL and log delivery. */
  controlRegion: "us-east-1",
  /** Standard logging v2 object key below the bucket (the delivery adds AWSLogs/<account>/CloudFront/). */
  logSuffixPath: "{DistributionId}/{yyyy}/{MM}/{dd}/{HH}",
  /** The 27 EU member states, what "EU" in geoRestriction.countries stands for. */
  euCountries: [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
  ],
} as const;
