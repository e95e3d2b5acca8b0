/**
 * AWS regions this project accepts. A closed list, so a typo ("eu-centrl-1") is caught
 * with a suggestion instead of reaching the provider. Add a region here when AWS opens one.
 */
export const AWS_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "ca-west-1",
  "mx-central-1",
  "sa-east-1",
  "eu-central-1",
  "eu-central-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-north-1",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-south-1",
  "me-central-1",
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-1",
  "ap-south-2",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-7",
  "us-gov-east-1",
  "us-gov-west-1",
] as const;

export type AwsRegion = (typeof AWS_REGIONS)[number];

/** The AWS partition a region belongs to, for ARNs built without a data source. */
export function partitionOf(region: string): "aws" | "aws-us-gov" {
  return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
}

/**
 * Regions inside the European Economic Area (GDPR's own territory). eu-west-2 (London) and
 * eu-central-2 (Zurich) are not: the UK and Switzerland have adequacy decisions, which a
 * config states as its basis for the transfer (`residencyAcknowledgements`).
 */
export const EEA_REGIONS: readonly AwsRegion[] = ["eu-central-1", "eu-west-1", "eu-west-3", "eu-north-1", "eu-south-1", "eu-south-2"];
