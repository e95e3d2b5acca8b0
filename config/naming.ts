/**
 * AWS naming rules for names this project derives from config values, checked once at
 * config time so that a bad app or bucket name fails with its JSON path instead of at
 * `terraform apply`.
 */

/** `<app>-<env>`: the prefix of every AWS name of an environment. */
export function resourcePrefix(app: string, env: string): string {
  return `${app}-${env}`;
}

/** `<app>-<env>-<component>`: the one way AWS names are built. */
export function resourceName(app: string, env: string, component: string): string {
  return `${resourcePrefix(app, env)}-${component}`;
}

/**
 * Purposes of the platform's own keys (`alias/<app>-<env>-<purpose>`): the environment's
 * data key, its audit key, the DR replica key and the state key. A config key may not take
 * one, or its alias would clash.
 */
export const PLATFORM_KEY_PURPOSES = { data: "data", audit: "audit", dr: "dr", tfstate: "tfstate", edge: "edge" } as const;

/** Tags the platform sets on every resource (resolve.ts): a config's own tag of these names would be overwritten. */
export const PLATFORM_TAG_KEYS = ["Application", "Environment", "ManagedBy", "DataClassification", "Compliance"] as const;
/** Tags some constructs set on their own resources (a subnet's Name and Tier): a config's tag of these names would be overwritten there. */
export const RESOURCE_TAG_KEYS = ["Name", "Tier"] as const;
export type PlatformTagKey = (typeof PLATFORM_TAG_KEYS)[number];
/** Tags AWS allows on one resource. */
export const AWS_TAGS_PER_RESOURCE = 50;
/** A config's own tags (top-level and an environment's, together): what the platform's own leave of AWS's limit. */
export const MAX_CONFIG_TAGS = AWS_TAGS_PER_RESOURCE - PLATFORM_TAG_KEYS.length - RESOURCE_TAG_KEYS.length;

/** Fill `{app}`, `{env}`, `{account}` and `{region}` in a name template. */
export function fillTemplate(template: string, values: { app: string; env: string; account: string; region: string }): string {
  return template
    .replaceAll("{app}", values.app)
    .replaceAll("{env}", values.env)
    .replaceAll("{account}", values.account)
    .replaceAll("{region}", values.region);
}

/** Returns what is wrong with an S3 bucket name, or undefined when it is valid. */
export function s3BucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) {
    return `bucket name "${name}" is ${name.length} characters; S3 allows 3-63`;
  }
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) {
    return `bucket name "${name}" may hold only lowercase letters, digits, dots and hyphens, and must start and end with a letter or digit`;
  }
  if (name.includes(".")) {
    return `bucket name "${name}" contains a dot; dotted names break TLS virtual-host addressing, use hyphens`;
  }
  if (name.startsWith("xn--") || name.startsWith("sthree-") || name.endsWith("-s3alias") || name.endsWith("--ol-s3")) {
    return `bucket name "${name}" uses a prefix or suffix S3 reserves`;
  }
  return undefined;
}

/** Returns what is wrong with a DynamoDB table name, or undefined when it is valid. */
export function dynamoTableNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 255 || !/^[A-Za-z0-9_.-]+$/.test(name)) {
    return `table name "${name}" must be 3-255 characters of letters, digits, '_', '-' and '.'`;
  }
  return undefined;
}
