import { namedSecurityGroup, peerRule } from "./security-group-rules";
import type { Construct } from "constructs";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { suppress } from "../guardrails/suppressions";

export interface ServiceSecurityGroupProps {
  /** Group name (and Name tag): the service's name. */
  readonly name: string;
  /** Says who may reach the service, if anyone. */
  readonly description: string;
  readonly vpcId: string;
  /** Group of the VPC's interface endpoints: HTTPS to AWS APIs. @default - none (the environment has no interface endpoints) */
  readonly endpointSecurityGroupId?: string;
  /** Prefix list of the S3 gateway endpoint: HTTPS to S3 (ECR image layers, the app's buckets). */
  readonly s3PrefixListId: string;
  /**
   * Why the service may send HTTPS to any address, out through NAT (third-party APIs, or AWS
   * APIs the VPC has no endpoint for). It becomes the CKV_AWS_382 suppression's reason.
   * @default - none: no route out of the VPC is admitted
   */
  readonly internetHttpsReason?: string;
}

/** Where a service's group sends traffic besides `allowTo`: the VPC endpoints, and the internet only with a reason. */
export type ServiceEgressProps = Pick<ServiceSecurityGroupProps, "endpointSecurityGroupId" | "s3PrefixListId" | "internetHttpsReason">;

/**
 * A container service's security group: HTTPS to the VPC endpoints (the interface endpoints'
 * group, the S3 prefix list), HTTPS to anywhere only with a reason (`internetHttpsReason`), and
 * whatever `allowTo` adds (the database, the cache); no ingress unless the owner adds it. Not a
 * construct: its resources are created in the owner's scope (`SecurityGroup`, `EgressEndpoints`,
 * `EgressS3`, `EgressHttps`, `Egress<n>`), so their addresses are the owner's.
 */
export class ServiceSecurityGroup {
  public readonly securityGroupId: string;
  private egressCount = 0;

  constructor(
    private readonly scope: Construct,
    props: ServiceSecurityGroupProps,
  ) {
    this.securityGroupId = namedSecurityGroup(scope, props);
    const https = { securityGroupId: this.securityGroupId, ipProtocol: "tcp", fromPort: 443, toPort: 443 };
    if (props.endpointSecurityGroupId) {
      new VpcSecurityGroupEgressRule(scope, "EgressEndpoints", {
        ...https,
        referencedSecurityGroupId: props.endpointSecurityGroupId,
        description: "HTTPS to AWS APIs through the VPC's interface endpoints",
      });
    }
    new VpcSecurityGroupEgressRule(scope, "EgressS3", {
      ...https,
      prefixListId: props.s3PrefixListId,
      description: "HTTPS to S3 through the gateway endpoint (image layers, the app's buckets)",
    });
    if (props.internetHttpsReason) {
      const internet = new VpcSecurityGroupEgressRule(scope, "EgressHttps", {
        ...https,
        cidrIpv4: "0.0.0.0/0",
        description: "HTTPS out through the NAT gateway (see the suppression's reason)",
      });
      suppress(internet, "CKV_AWS_382", `HTTPS only, out through the NAT gateway: ${props.internetHttpsReason}.`);
    }
  }

  /** Let the service reach `securityGroupId` on `port` (the database, the cache). */
  allowTo(securityGroupId: string, port: number, description: string): void {
    peerRule(this.scope, `Egress${this.egressCount++}`, "egress", {
      securityGroupId: this.securityGroupId,
      peer: securityGroupId,
      port,
      description,
    });
  }
}
