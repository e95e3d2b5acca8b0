import type { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";

export interface AwsProviderSettings {
  readonly region: string;
  /** The only account the provider may act in: a wrong profile fails before any change. */
  readonly accountId: string;
  /** Role the provider assumes. @default - the caller's credentials */
  readonly roleArn?: string;
  /** Tags every taggable resource gets through default_tags. */
  readonly tags: Readonly<Record<string, string>>;
  /** Name the assumed-role session carries in CloudTrail. */
  readonly sessionName: string;
}

/** The stack's AWS provider: region, account guard, assumed role, default tags. */
export function addAwsProvider(scope: Construct, settings: AwsProviderSettings): AwsProvider {
  return new AwsProvider(scope, "aws", {
    region: settings.region,
    allowedAccountIds: [settings.accountId],
    defaultTags: [{ tags: { ...settings.tags } }],
    ...(settings.roleArn ? { assumeRole: [{ roleArn: settings.roleArn, sessionName: settings.sessionName }] } : {}),
  });
}
