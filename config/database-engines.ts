/**
 * What RDS offers for each engine, as of ENGINE_TABLE_DATE: the major versions a config may
 * pin, each with its end of standard support, the instance classes and their memory. These tables go
 * stale: when AWS adds a major or a class, add it here (and to the README's table).
 */
import type { DatabaseEngine } from "./schema";

/** The day the tables below were checked against the RDS documentation. */
export const ENGINE_TABLE_DATE = "2026-11-26";

/** A major version and the last day of RDS standard support (after it, Extended Support bills). */
export interface EngineMajor {
  readonly major: string;
  /** ISO date: the last day of standard support. */
  readonly endOfStandardSupport: string;
}

/**
 * Majors per engine, oldest first. RDS for MySQL 8.0 left standard support on 2026-07-31;
 * RDS for PostgreSQL 13 on 2026-02-28. Both still run under (billed) Extended Support.
 */
export const ENGINE_MAJORS: Readonly<Record<DatabaseEngine, readonly EngineMajor[]>> = {
  postgres: [
    { major: "13", endOfStandardSupport: "2026-02-28" },
    { major: "14", endOfStandardSupport: "2027-02-28" },
    { major: "15", endOfStandardSupport: "2028-02-29" },
    { major: "16", endOfStandardSupport: "2029-02-28" },
    { major: "17", endOfStandardSupport: "2030-02-28" },
  ],
  mysql: [
    { major: "8.0", endOfStandardSupport: "2026-07-31" },
    { major: "8.4", endOfStandardSupport: "2029-07-31" },
  ],
  // Aurora PostgreSQL follows the community majors on the RDS for PostgreSQL dates.
  "aurora-postgresql": [
    { major: "13", endOfStandardSupport: "2026-02-28" },
    { major: "14", endOfStandardSupport: "2027-02-28" },
    { major: "15", endOfStandardSupport: "2028-02-29" },
    { major: "16", endOfStandardSupport: "2029-02-28" },
    { major: "17", endOfStandardSupport: "2030-02-28" },
  ],
};

/** Instance class families and sizes RDS offers for both engines (Graviton and Intel, current generations). */
const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  t3: ["micro", "small", "medium", "large", "xlarge", "2xlarge"],
  t4g: ["micro", "small", "medium", "large", "xlarge", "2xlarge"],
  m5: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"],
  m6g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  m6i: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"],
  m7g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  r5: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"],
  r6g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  r6i: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"],
  r7g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
};
/**
 * Memory of the `large` size of each family, GiB (the same table date). Sizes scale from it:
 * micro 1/8, small 1/4, medium 1/2, xlarge 2x, `<n>xlarge` 2n x (db.t4g.micro 1 GiB,
 * db.m7g.large 8, db.r7g.2xlarge 64).
 */
const LARGE_MEMORY_GIB: Readonly<Record<string, number>> = {
  t3: 8,
  t4g: 8,
  m5: 8,
  m6g: 8,
  m6i: 8,
  m7g: 8,
  r5: 16,
  r6g: 16,
  r6i: 16,
  r7g: 16,
};
const SIZE_FACTOR: Readonly<Record<string, number>> = { micro: 1 / 8, small: 1 / 4, medium: 1 / 2, large: 1, xlarge: 2 };

/**
 * Memory of every instance class in the tables, GiB: what the freeable-memory alarms are a
 * fraction of. A class missing here is missing from ENGINE_CLASSES too (a config error).
 */
export const CLASS_MEMORY_GIB: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(FAMILIES).flatMap(([family, sizes]) =>
    sizes.map((size) => [`db.${family}.${size}`, LARGE_MEMORY_GIB[family] * (SIZE_FACTOR[size] ?? 2 * Number.parseInt(size, 10))]),
  ),
);

/** Memory of an instance class, GiB; throws for a class the tables do not have (validation reports it first). */
export function classMemoryGib(instanceClass: string): number {
  const gib = CLASS_MEMORY_GIB[instanceClass];
  if (gib === undefined) throw new Error(`No memory size for instance class ${instanceClass} in the engine table of ${ENGINE_TABLE_DATE}.`);
  return gib;
}

const COMMON_CLASSES = Object.entries(FAMILIES).flatMap(([family, sizes]) => sizes.map((size) => `db.${family}.${size}`));

/** Aurora PostgreSQL: medium/large burstable classes (dev, test) and memory-optimized ones. */
const AURORA_CLASSES = ["db.t3.medium", "db.t4g.medium", "db.t4g.large", ...COMMON_CLASSES.filter((c) => /^db\.r/.test(c))];

/** Instance classes per engine. */
export const ENGINE_CLASSES: Readonly<Record<DatabaseEngine, readonly string[]>> = {
  postgres: COMMON_CLASSES,
  mysql: COMMON_CLASSES,
  "aurora-postgresql": AURORA_CLASSES,
};

/** Performance Insights is not offered on these classes of this engine. */
const NO_PERFORMANCE_INSIGHTS: Readonly<Record<DatabaseEngine, RegExp | undefined>> = {
  postgres: undefined,
  mysql: /^db\.t[34]g?\.(micro|small)$/,
  "aurora-postgresql": undefined,
};

export const findMajor = (engine: DatabaseEngine, major: string): EngineMajor | undefined =>
  ENGINE_MAJORS[engine].find((m) => m.major === major);

export const offersClass = (engine: DatabaseEngine, instanceClass: string): boolean => ENGINE_CLASSES[engine].includes(instanceClass);

export const offersPerformanceInsights = (engine: DatabaseEngine, instanceClass: string): boolean =>
  !NO_PERFORMANCE_INSIGHTS[engine]?.test(instanceClass);

/**
 * The newest major in standard support on the table's date, when `major` is past its own
 * end of standard support; undefined while `major` is still in standard support.
 */
export function upgradeTarget(engine: DatabaseEngine, major: EngineMajor): string | undefined {
  if (major.endOfStandardSupport >= ENGINE_TABLE_DATE) return undefined;
  const supported = ENGINE_MAJORS[engine].filter((m) => m.endOfStandardSupport >= ENGINE_TABLE_DATE);
  return supported[supported.length - 1]?.major;
}

/** The problem with a configured version, or undefined: configs pin a known major. */
export function versionProblem(engine: DatabaseEngine, version: string): string | undefined {
  if (findMajor(engine, version)) return undefined;
  const known = ENGINE_MAJORS[engine].map((m) => m.major).join(", ");
  const major = ENGINE_MAJORS[engine].find((m) => version.startsWith(`${m.major}.`));
  if (major) {
    return (
      `pin the major version "${major.major}", not "${version}": ` +
      "auto minor version upgrades move the minor, and a pinned minor would show a permanent diff"
    );
  }
  return `${engine} has no major version "${version}" in the engine table of ${ENGINE_TABLE_DATE}; known: ${known}`;
}

/** How AWS names the service: "RDS for mysql", "Aurora PostgreSQL". */
const serviceName = (engine: DatabaseEngine) => (engine === "aurora-postgresql" ? "Aurora PostgreSQL" : `RDS for ${engine}`);

/**
 * The warning synth prints for a database whose major is past standard support, naming the
 * upgrade; undefined otherwise.
 */
export function engineSupportWarning(
  stack: string,
  db: {
    readonly engine: DatabaseEngine;
    readonly majorVersion: string;
    readonly endOfStandardSupport: string;
    readonly upgradeTo?: string;
    readonly engineLifecycleSupport: string;
  },
): string | undefined {
  if (!db.upgradeTo) return undefined;
  return (
    `warning: ${stack}: ${serviceName(db.engine)} ${db.majorVersion} left standard support on ${db.endOfStandardSupport} ` +
    `and bills Extended Support (engine_lifecycle_support = ${db.engineLifecycleSupport}); ` +
    `upgrade to ${db.upgradeTo} (database.version "${db.upgradeTo}") after testing the app on it.`
  );
}
