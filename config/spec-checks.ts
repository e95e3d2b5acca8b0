/**
 * Checks that need a schema-valid spec: the network plan, the DR region, accounts shared
 * between environments, and names and state keys that only exist after resolving.
 */
import { contains, overlaps, parseCidr } from "./cidr";
import { dynamoTableNameProblem, fillTemplate, s3BucketNameProblem } from "./naming";
import { ENGINE_TABLE_DATE, offersClass, versionProblem } from "./database-engines";
import { CACHE_NODE_TYPES, CACHE_TABLE_DATE, cacheVersionProblem } from "./cache-engines";
import { CACHE_DEFAULTS, DATABASE_DEFAULTS } from "./presets";
import type { Problem } from "./problems";
import { declaredEnvironments, resolve, resolveNetwork, settingsFor } from "./resolve";
import type { AppSpec, Settings } from "./schema";

/** Where a setting was written: the environment's overrides, the spec's, or the preset. */
function settingPath(spec: AppSpec, env: string, section: keyof Settings, field: string): string {
  const e = spec.environments[env as "dev"]?.overrides?.[section] as Record<string, unknown> | undefined;
  if (e?.[field] !== undefined) return `environments.${env}.overrides.${section}.${field}`;
  if ((spec.overrides?.[section] as Record<string, unknown> | undefined)?.[field] !== undefined) return `overrides.${section}.${field}`;
  return `environments.${env}.overrides.${section}.${field}`;
}
const networkPath = (spec: AppSpec, env: string, field: string) => settingPath(spec, env, "network", field);

/**
 * The database: a known major of its engine, and per environment a class the engine
 * offers, a storage ceiling at or above the allocation, and windows that do not overlap.
 */
export function databaseProblems(spec: AppSpec): Problem[] {
  const db = spec.database;
  if (!db) return [];
  const problems: Problem[] = [];
  const version = versionProblem(db.engine, db.version);
  if (version) problems.push({ path: "database.version", message: version });
  for (const env of declaredEnvironments(spec)) {
    const s = settingsFor(spec, env).database;
    const path = (field: string) => settingPath(spec, env, "database", field);
    if (db.engine === "aurora-postgresql") {
      problems.push(...auroraProblems(env, s, path));
    } else if (!offersClass(db.engine, s.instanceClass)) {
      problems.push({
        path: path("instanceClass"),
        message:
          `${env}: RDS for ${db.engine} does not offer ${s.instanceClass} (engine table of ${ENGINE_TABLE_DATE}); ` +
          "e.g. db.t4g.medium, db.m7g.large, db.r7g.large",
      });
    }
    if (s.maxAllocatedStorageGb < s.allocatedStorageGb) {
      problems.push({
        path: path("maxAllocatedStorageGb"),
        message:
          `${env}: storage ceiling ${s.maxAllocatedStorageGb} GiB is below the allocated ${s.allocatedStorageGb} GiB; ` +
          "raise it or lower allocatedStorageGb",
      });
    }
    problems.push(
      ...shortWindow(env, path("backupWindow"), s.backupWindow, 30, "RDS"),
      ...shortWindow(env, path("maintenanceWindow"), s.maintenanceWindow, 30, "RDS"),
    );
    if (windowsOverlap(s.backupWindow, s.maintenanceWindow)) {
      problems.push({
        path: path("backupWindow"),
        message: `${env}: backup window ${s.backupWindow} overlaps maintenance window ${s.maintenanceWindow}; RDS rejects that`,
      });
    }
    const memory = s.freeableMemoryAlarmPercent;
    if (memory.critical > memory.warning) {
      problems.push({
        path: path("freeableMemoryAlarmPercent"),
        message:
          `${env}: critical ${memory.critical} % is above warning ${memory.warning} %; ` +
          "freeable memory alarms fire below their threshold, so critical must be the lower",
      });
    }
    const clash = (spec.secrets ?? []).findIndex((x) => x.name === DATABASE_DEFAULTS.generatedSecretName);
    if (s.readReplicas > 0 && clash >= 0) {
      problems.push({
        path: `secrets[${clash}].name`,
        message:
          `${env}: "${DATABASE_DEFAULTS.generatedSecretName}" is the secret that holds ` +
          "the database's generated master password (read replicas); rename this one",
      });
    }
  }
  return problems;
}

/** An Aurora cluster: a class Aurora offers, readers not RDS replicas, a reader to fail over to when Multi-AZ. */
function auroraProblems(env: string, s: Settings["database"], path: (field: string) => string): Problem[] {
  const problems: Problem[] = [];
  if (!offersClass("aurora-postgresql", s.auroraInstanceClass)) {
    problems.push({
      path: path("auroraInstanceClass"),
      message:
        `${env}: Aurora PostgreSQL does not offer ${s.auroraInstanceClass} (engine table of ${ENGINE_TABLE_DATE}); ` +
        "e.g. db.t4g.medium, db.r7g.large",
    });
  }
  if (s.readReplicas > 0) {
    problems.push({
      path: path("readReplicas"),
      message: `${env}: an Aurora cluster has no RDS read replicas; set auroraReaders (readers in the cluster) instead`,
    });
  }
  if (s.multiAz && s.auroraReaders === 0) {
    problems.push({
      path: path("auroraReaders"),
      message: `${env}: multiAz needs at least one Aurora reader, in another AZ, to fail over to; set auroraReaders >= 1 or multiAz false`,
    });
  }
  return problems;
}

/**
 * The cache: a known major of its engine, and per environment a node type the table has,
 * Multi-AZ only with a replica to fail over to, windows that do not overlap; and no config
 * secret on the name of the generated AUTH token.
 */
export function cacheProblems(spec: AppSpec): Problem[] {
  const cache = spec.cache;
  if (!cache) return [];
  const problems: Problem[] = [];
  const version = cacheVersionProblem(cache.engine, cache.version);
  if (version) problems.push({ path: "cache.version", message: version });
  const clash = (spec.secrets ?? []).findIndex((s) => s.name === CACHE_DEFAULTS.authSecretName);
  if (clash >= 0) {
    problems.push({
      path: `secrets[${clash}].name`,
      message: `"${CACHE_DEFAULTS.authSecretName}" holds the cache's generated AUTH token; choose another name`,
    });
  }
  for (const env of declaredEnvironments(spec)) {
    const s = settingsFor(spec, env).cache;
    const path = (field: string) => settingPath(spec, env, "cache", field);
    if (!CACHE_NODE_TYPES.includes(s.nodeType)) {
      problems.push({
        path: path("nodeType"),
        message:
          `${env}: ElastiCache node type ${s.nodeType} is not in the cache table of ${CACHE_TABLE_DATE}; ` +
          "e.g. cache.t4g.small, cache.m7g.large, cache.r7g.large",
      });
    }
    if (s.multiAz && s.nodeCount < 2) {
      problems.push({
        path: path("multiAz"),
        message:
          `${env}: Multi-AZ needs a replica to fail over to, and nodeCount is ${s.nodeCount}; ` +
          "set nodeCount to 2 or more, or multiAz false",
      });
    }
    problems.push(
      ...shortWindow(env, path("snapshotWindow"), s.snapshotWindow, 60, "ElastiCache"),
      ...shortWindow(env, path("maintenanceWindow"), s.maintenanceWindow, 60, "ElastiCache"),
    );
    if (windowsOverlap(s.snapshotWindow, s.maintenanceWindow)) {
      problems.push({
        path: path("snapshotWindow"),
        message: `${env}: snapshot window ${s.snapshotWindow} overlaps maintenance window ${s.maintenanceWindow}; ElastiCache rejects that`,
      });
    }
  }
  return problems;
}

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEK = 7 * 1440;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minute ranges [start, end) of the week, split at the week's end. */
function weekRanges(start: number, end: number): [number, number][] {
  return end > start
    ? [[start, end]]
    : [
        [start, WEEK],
        [0, end],
      ];
}

/** Minutes a daily (hh:mm-hh:mm) or weekly (ddd:hh:mm-ddd:hh:mm) window lasts; 0 when it starts where it ends. */
function windowMinutes(window: string): number {
  const [from, to] = window.split("-");
  if (from.length === 5) return (minutes(to) - minutes(from) + 1440) % 1440;
  const at = (t: string) => DAYS.indexOf(t.slice(0, 3)) * 1440 + minutes(t.slice(4));
  return (at(to) - at(from) + WEEK) % WEEK;
}

/** A problem when `window` lasts less than `minimum` minutes, which `service` refuses. */
function shortWindow(env: string, path: string, window: string, minimum: number, service: string): Problem[] {
  const length = windowMinutes(window);
  return length >= minimum
    ? []
    : [
        {
          path,
          message: `${env}: window ${window} lasts ${length} minute${length === 1 ? "" : "s"}; ${service} needs at least ${minimum}`,
        },
      ];
}

/** Does the daily backup window (hh:mm-hh:mm) overlap the weekly maintenance window (ddd:hh:mm-ddd:hh:mm)? */
export function windowsOverlap(backup: string, maintenance: string): boolean {
  const [m1, m2] = maintenance.split("-").map((t) => DAYS.indexOf(t.slice(0, 3)) * 1440 + minutes(t.slice(4)));
  const maint = weekRanges(m1, m2);
  const [b1, b2] = backup.split("-").map(minutes);
  const daily = DAYS.flatMap((_, d) => weekRanges(d * 1440 + b1, (d * 1440 + b2 + (b2 <= b1 ? 1440 : 0)) % WEEK));
  return daily.some(([s1, e1]) => maint.some(([s2, e2]) => s1 < e2 && s2 < e1));
}

/**
 * VPC and subnet CIDRs: valid, one subnet per AZ and tier, inside the VPC, none overlapping;
 * pinned zone IDs: one per AZ, each once.
 */
export function networkProblems(spec: AppSpec): Problem[] {
  const problems: Problem[] = [];
  for (const env of declaredEnvironments(spec)) {
    const n = settingsFor(spec, env).network;
    const region = spec.environments[env]!.region ?? spec.primaryRegion;
    problems.push(...zoneIdProblems(n, env, region, networkPath(spec, env, "zoneIds")));
    const vpc = parseCidr(n.vpcCidr);
    if (!vpc || vpc.prefix < 16 || vpc.prefix > 24) {
      problems.push({
        path: networkPath(spec, env, "vpcCidr"),
        message: `${env}: "${n.vpcCidr}" is not a valid VPC CIDR (a network address with a /16 to /24 prefix)`,
      });
      continue;
    }
    const subnets = resolveNetwork(n).subnets;
    const seen: { cidr: NonNullable<ReturnType<typeof parseCidr>>; where: string }[] = [];
    for (const tier of ["public", "app", "data"] as const) {
      const path = `${networkPath(spec, env, "subnetCidrs")}.${tier}`;
      if (subnets[tier].length !== n.azCount) {
        const count = subnets[tier].length;
        const given = `${count} subnet${count === 1 ? "" : "s"}`;
        problems.push({ path, message: `${env}: ${given} for ${n.azCount} availability zones; give one per AZ` });
      }
      subnets[tier].forEach((text, i) => {
        const c = parseCidr(text);
        if (!c) return void problems.push({ path: `${path}[${i}]`, message: `${env}: "${text}" is not a valid CIDR network address` });
        if (c.prefix < 16 || c.prefix > 28) {
          problems.push({ path: `${path}[${i}]`, message: `${env}: ${text} is a /${c.prefix}; AWS subnets are /16 to /28` });
        }
        if (!contains(vpc, c)) problems.push({ path: `${path}[${i}]`, message: `${env}: ${text} is outside the VPC CIDR ${n.vpcCidr}` });
        const clash = seen.find((s) => overlaps(s.cidr, c));
        if (clash) problems.push({ path: `${path}[${i}]`, message: `${env}: ${text} overlaps ${clash.where}` });
        seen.push({ cidr: c, where: `${tier}[${i}] ${text}` });
      });
    }
  }
  return problems;
}

/**
 * The prefix of a region's zone IDs: its parts' initials, the direction spelled out in one or
 * two letters (us-east-1 use1, eu-central-1 euc1, ap-northeast-1 apne1, us-gov-west-1 usgw1).
 */
export function zoneIdPrefix(region: string): string {
  const parts = region.split("-");
  const number = parts.pop()!;
  const direction = (word: string) => ({ northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw" })[word] ?? word.charAt(0);
  return parts[0] + parts.slice(1).map(direction).join("") + number;
}

/** Pinned zone IDs (the schema checks their format): of the environment's region, one per AZ, none twice. */
function zoneIdProblems(n: Settings["network"], env: string, region: string, path: string): Problem[] {
  if (!n.zoneIds) return [];
  const problems: Problem[] = [];
  const prefix = zoneIdPrefix(region);
  n.zoneIds.forEach((id, i) => {
    if (!id.startsWith(`${prefix}-`)) {
      problems.push({ path: `${path}[${i}]`, message: `${env}: zone ID "${id}" is not in ${region}, whose zone IDs are ${prefix}-az<n>` });
    }
  });
  if (n.zoneIds.length !== n.azCount) {
    problems.push({ path, message: `${env}: ${n.zoneIds.length} zone IDs for ${n.azCount} availability zones; give one per AZ` });
  }
  n.zoneIds.forEach((id, i) => {
    const first = n.zoneIds!.indexOf(id);
    if (first < i)
      problems.push({ path: `${path}[${i}]`, message: `${env}: zone ID "${id}" is already at [${first}]; each AZ needs its own zone` });
  });
  return problems;
}

/**
 * GuardDuty allows one detector and AWS Config one recorder per account and region: two
 * environments in the same account and region cannot both create them. An environment
 * that writes to the DR region (bucket replicas, database backups) creates them there too.
 * Likewise the RDSOSMetrics log group of enhanced monitoring (database.osMetricsLogGroup),
 * which an environment with a database creates in its own region only.
 */
const SHARED_THINGS = {
  guardDuty: "GuardDuty detector",
  awsConfig: "AWS Config recorder",
  osMetricsLogGroup: "RDSOSMetrics log group (enhanced monitoring; keep it in the environment torn down last)",
} as const;

export function sharedAccountProblems(spec: AppSpec): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, string>();
  for (const env of declaredEnvironments(spec)) {
    const e = spec.environments[env]!;
    const audit = settingsFor(spec, env).audit;
    const primary = e.region ?? spec.primaryRegion;
    const replicates = [...(spec.buckets ?? []), ...(spec.database ? [spec.database] : [])].some((x) => x.replicateIn?.includes(env));
    const regions = new Set([primary, ...(replicates && spec.drRegion ? [spec.drRegion] : [])]);
    const osMetrics = spec.database !== undefined && settingsFor(spec, env).database.osMetricsLogGroup;
    for (const [part, on] of [
      ["guardDuty", audit.guardDuty],
      ["awsConfig", audit.awsConfig],
      ["osMetricsLogGroup", osMetrics],
    ] as const) {
      if (!on) continue;
      for (const region of part === "osMetricsLogGroup" ? [primary] : regions) {
        const key = `${part} ${e.accountId} ${region}`;
        const self = region === primary ? env : `${env} (its DR region)`;
        const other = owners.get(key);
        if (other) {
          const section = part === "osMetricsLogGroup" ? "database" : "audit";
          problems.push({
            path: `environments.${env}.overrides.${section}.${part}`,
            message:
              `${self} and ${other} share account ${e.accountId} in ${region}, ` +
              `which holds one ${SHARED_THINGS[part]}: set it false in one of them`,
          });
        } else owners.set(key, self);
      }
    }
  }
  return problems;
}

/**
 * The audit key admits readers as principals of the environment's own account (matched by
 * `aws:PrincipalArn`): a role of another account would never match.
 */
export function auditReaderProblems(spec: AppSpec): Problem[] {
  return declaredEnvironments(spec).flatMap((env) => {
    const account = spec.environments[env]!.accountId;
    const own = spec.environments[env]!.overrides?.audit?.readerArns !== undefined;
    const path = (i: number) => `${own ? `environments.${env}.` : ""}overrides.audit.readerArns[${i}]`;
    return settingsFor(spec, env).audit.readerArns.flatMap((arn, i) =>
      arn.split(":")[4] === account
        ? []
        : [
            {
              path: path(i),
              message: `${env}: ${arn} is not in the environment's account ${account}; the audit key admits readers of that account only`,
            },
          ],
    );
  });
}

/** Replication needs a DR region that differs from the primary one. */
export function drProblems(spec: AppSpec): Problem[] {
  const problems: Problem[] = [];
  if (spec.drRegion && spec.drRegion === spec.primaryRegion) {
    problems.push({
      path: "drRegion",
      message: `is the primary region ${spec.primaryRegion}; a disaster-recovery copy must live elsewhere`,
    });
  }
  (spec.buckets ?? []).forEach((b, i) => {
    if (b.replicateIn?.length && !spec.drRegion)
      problems.push({ path: `buckets[${i}].replicateIn`, message: "replication needs drRegion set at the top level" });
    for (const env of b.replicateIn ?? []) {
      if (spec.drRegion && spec.environments[env]?.region === spec.drRegion) {
        problems.push({
          path: `environments.${env}.region`,
          message:
            `${env} runs in drRegion ${spec.drRegion} and replicates bucket ${b.name} there; ` +
            "a disaster-recovery copy must live elsewhere",
        });
      }
    }
  });
  const dbReplicated = spec.database?.replicateIn ?? [];
  if (dbReplicated.length && !spec.drRegion)
    problems.push({ path: "database.replicateIn", message: "backup replication needs drRegion set at the top level" });
  for (const env of dbReplicated) {
    const region = spec.environments[env]?.region;
    if (spec.drRegion && region === spec.drRegion) {
      problems.push({
        path: `environments.${env}.region`,
        message:
          `${env} runs in drRegion ${region} and replicates its database backups there; ` + "a disaster-recovery copy must live elsewhere",
      });
    }
  }
  return problems;
}

/** Names and keys that only exist after resolving: AWS naming rules and clashes between stacks. */
export function derivedNameProblems(spec: AppSpec): Problem[] {
  const problems: Problem[] = [];
  const stateKeys = new Map<string, string>();
  const bucketOwners = new Map<string, string>();
  for (const env of declaredEnvironments(spec)) {
    const r = resolve(spec, env);
    const where = (field: string) =>
      spec.environments[env]?.state?.[field as "key"] !== undefined
        ? `environments.${env}.state.${field}`
        : spec.state?.[field as "key"] !== undefined
          ? `state.${field}`
          : "app";
    for (const field of ["bucketName", "key", "lockTableName"] as const) {
      const template = spec.environments[env]?.state?.[field] ?? spec.state?.[field];
      const leftover = template && fillTemplate(template, { app: "", env: "", account: "", region: "" }).match(/\{[^}]*\}/);
      if (leftover)
        problems.push({
          path: where(field),
          message: `unknown placeholder ${leftover[0]}; use {app}, {env}, {account} or {region}`,
        });
    }
    const stateBucketProblem = s3BucketNameProblem(r.state.bucketName);
    if (stateBucketProblem) problems.push({ path: where("bucketName"), message: `${env}: state ${stateBucketProblem}` });
    const bucketProblem = s3BucketNameProblem(r.state.logBucketName);
    if (bucketProblem && !stateBucketProblem) problems.push({ path: where("bucketName"), message: `${env}: state log ${bucketProblem}` });
    if (r.state.lockTableName) {
      const p = dynamoTableNameProblem(r.state.lockTableName);
      if (p) problems.push({ path: where("lockTableName"), message: `${env}: lock ${p}` });
    }
    for (const bucket of [r.names.accessLogBucket, r.names.auditBucket, r.names.configBucket, r.names.drAccessLogBucket]) {
      const p = s3BucketNameProblem(bucket);
      if (p) problems.push({ path: "app", message: `${env}: ${p}` });
    }
    r.buckets.forEach((b, i) => {
      for (const bucket of [b.bucketName, b.replica?.bucketName]) {
        const p = bucket && s3BucketNameProblem(bucket);
        if (p) problems.push({ path: `buckets[${i}].name`, message: `${env}: ${p}` });
      }
    });
    const owner = bucketOwners.get(r.state.bucketName);
    if (owner)
      problems.push({
        path: where("bucketName"),
        message: `${env} uses state bucket "${r.state.bucketName}" already used by ${owner}; bucket names are global, include {env}`,
      });
    bucketOwners.set(r.state.bucketName, env);
    for (const [stack, key] of [
      [r.stackNames.app, r.state.key],
      [r.stackNames.bootstrap, r.state.bootstrapKey],
    ]) {
      const id = `${r.state.bucketName}/${key}`;
      const other = stateKeys.get(id);
      if (other)
        problems.push({
          path: where("key"),
          message: `state key "${key}" of ${stack} is already used by ${other}; every stack needs its own key`,
        });
      stateKeys.set(id, stack);
    }
  }
  return problems;
}
