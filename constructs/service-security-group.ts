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
}

/**
 * A container service's security group: HTTPS out (AWS APIs through endpoints or NAT,
 * third-party APIs) and whatever `allowTo` adds (the database, the cache); no ingress
 * unless the owner adds it. Not a construct: its resources are created in the owner's
 * scope (`SecurityGroup`, `EgressHttps`, `Egress<n>`), so their addresses are the owner's.
 */
export class ServiceSecurityGroup {
  public readonly securityGroupId: string;
  private egressCount = 0;

  constructor(
    private readonly scope: Construct,
    props: ServiceSecurityGroupProps,
  ) {
    this.securityGroupId = namedSecurityGroup(scope, props);
    const https = new VpcSecurityGroupEgressRule(scope, "EgressHttps", {
      securityGroupId: this.securityGroupId,
      cidrIpv4: "0.0.0.0/0",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      description: "HTTPS to AWS APIs (endpoints or NAT) and the third-party APIs the app calls",
    });
    suppress(
      https,
      "CKV_AWS_382",
      "HTTPS only, out through the NAT gateway: ECR image layers (S3), AWS APIs where no interface endpoint exists, and " +
        "third-party APIs the app calls. No other port leaves the VPC.",
    );
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
