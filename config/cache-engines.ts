/**
 * What ElastiCache offers for a replication group, as of CACHE_TABLE_DATE: the majors a
 * config may pin (each with the engine version ElastiCache takes for it) and the node
 * types. These tables go stale: when AWS adds a version or a type, add it here (and to
 * the README's Cache section).
 */
import type { CacheEngine } from "./schema";

/** The day the tables below were checked against the ElastiCache documentation. */
export const CACHE_TABLE_DATE = "2026-11-26";

/** A major a config pins, and what the replication group is created with. */
export interface CacheMajor {
  readonly major: string;
  /**
   * `engine_version`: ElastiCache takes major.minor from Redis OSS 7 on; auto minor
   * version upgrades then move the patch level only.
   */
  readonly engineVersion: string;
}

/**
 * Majors per engine, oldest first. Only majors with `transit_encryption_mode` (Redis OSS
 * 7.0.5 and up, every Valkey): TLS is required, never merely preferred.
 */
export const CACHE_MAJORS: Readonly<Record<CacheEngine, readonly CacheMajor[]>> = {
  redis: [{ major: "7", engineVersion: "7.1" }],
  valkey: [
    { major: "7", engineVersion: "7.2" },
    { major: "8", engineVersion: "8.2" },
    { major: "9", engineVersion: "9.0" },
  ],
};

/** Node families and sizes (current generations; both engines, in-transit and at-rest encryption). */
const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  t3: ["micro", "small", "medium"],
  t4g: ["micro", "small", "medium"],
  m5: ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"],
  m6g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  m7g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  r5: ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"],
  r6g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  r7g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
};

/** Node types a replication group of either engine may use. */
export const CACHE_NODE_TYPES: readonly string[] = Object.entries(FAMILIES).flatMap(([family, sizes]) =>
  sizes.map((size) => `cache.${family}.${size}`),
);

export const findCacheMajor = (engine: CacheEngine, major: string): CacheMajor | undefined =>
  CACHE_MAJORS[engine].find((m) => m.major === major);

/** The problem with a configured cache version, or undefined: configs pin a known major. */
export function cacheVersionProblem(engine: CacheEngine, version: string): string | undefined {
  if (findCacheMajor(engine, version)) return undefined;
  const known = CACHE_MAJORS[engine].map((m) => m.major).join(", ");
  const major = CACHE_MAJORS[engine].find((m) => version.startsWith(`${m.major}.`));
  if (major) {
    return (
      `pin the major version "${major.major}", not "${version}": ` +
      `the table picks the minor (${major.engineVersion}) and auto minor upgrades move the patch`
    );
  }
  return `${engine} has no major version "${version}" in the cache table of ${CACHE_TABLE_DATE}; known: ${known}`;
}
