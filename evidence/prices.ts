/**
 * The dated price table behind `cost.md`: AWS on-demand list prices in USD for the services
 * and sizes the platform emits, recorded by hand (no network at synth), for us-east-1, with
 * an approximate factor per region. They go stale: update the table and PRICES_RECORDED
 * together, and compare with the AWS Pricing Calculator before a budget decision.
 */

/** When the prices below were recorded. */
export const PRICES_RECORDED = "2026-11";

export const HOURS_PER_MONTH = 730;

/** The region whose prices the table holds; REGION_FACTOR scales them to others. */
export const PRICE_TABLE_REGION = "us-east-1";

/** us-east-1 on-demand prices. */
export const PRICES = {
  natGatewayHour: 0.045,
  natGatewayGb: 0.045,
  albHour: 0.0225,
  albLcuHour: 0.008,
  /** Fargate Linux/x86; ARM64 is 20 % less. */
  fargateVcpuHour: 0.04048,
  fargateGbHour: 0.004445,
  fargateArmDiscount: 0.2,
  appRunnerActiveVcpuHour: 0.064,
  appRunnerActiveGbHour: 0.007,
  appRunnerProvisionedGbHour: 0.007,
  interfaceEndpointAzHour: 0.01,
  kmsKeyMonth: 1,
  secretMonth: 0.4,
  alarmMonth: 0.1,
  dashboardMonth: 3,
  logIngestGb: 0.5,
  logStoreGbMonth: 0.03,
  s3StandardGbMonth: 0.023,
  ecrGbMonth: 0.1,
  rdsGp3GbMonth: 0.115,
  auroraStorageGbMonth: 0.1,
  wafAclMonth: 5,
  wafRuleMonth: 1,
  wafMillionRequests: 0.6,
  cloudFrontGbOut: 0.085,
  /** $0.010 per 10,000 HTTPS requests. */
  cloudFrontMillionHttpsRequests: 1,
} as const;

/** Instance hours by class (single-AZ; Multi-AZ RDS doubles them). */
export const INSTANCE_HOUR: Readonly<Record<string, number>> = {
  "db.t3.micro": 0.017,
  "db.t3.small": 0.034,
  "db.t3.medium": 0.068,
  "db.t4g.micro": 0.016,
  "db.t4g.small": 0.032,
  "db.t4g.medium": 0.065,
  "db.t4g.large": 0.129,
  "db.m7g.large": 0.168,
  "db.m7g.xlarge": 0.337,
  "db.m6g.large": 0.152,
  "db.m6g.xlarge": 0.304,
  "db.m6g.2xlarge": 0.608,
  "db.r7g.large": 0.239,
  "db.r7g.xlarge": 0.478,
  "db.r6g.large": 0.225,
  "db.r6g.xlarge": 0.45,
  "cache.t3.micro": 0.017,
  "cache.t3.small": 0.034,
  "cache.t3.medium": 0.068,
  "cache.t4g.micro": 0.016,
  "cache.t4g.small": 0.032,
  "cache.t4g.medium": 0.065,
  "cache.m7g.large": 0.158,
  "cache.r7g.large": 0.219,
  "cache.m6g.large": 0.149,
  "cache.r6g.large": 0.206,
  "cache.r6g.xlarge": 0.411,
};

/** Aurora PostgreSQL instance hours (differ from RDS). */
export const AURORA_INSTANCE_HOUR: Readonly<Record<string, number>> = {
  "db.t4g.medium": 0.073,
  "db.t4g.large": 0.146,
  "db.r7g.large": 0.276,
  "db.r7g.xlarge": 0.552,
  "db.r6g.large": 0.26,
};

/** Approximate price level of a region against us-east-1. */
export const REGION_FACTOR: Readonly<Record<string, number>> = {
  "us-east-1": 1,
  "us-east-2": 1,
  "us-west-2": 1,
  "eu-west-1": 1.1,
  "eu-central-1": 1.17,
  "eu-north-1": 1.05,
  "ap-south-1": 1.05,
  "ap-south-2": 1.1,
};
