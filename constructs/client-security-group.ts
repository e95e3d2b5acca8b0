import type { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";

export interface ClientSecurityGroupProps {
  /** Group name (and Name tag): the data store's name. */
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  /** The one port clients are admitted on. */
  readonly port: number;
  /** What the port carries, ends every rule's description (`postgres over TLS`). */
  readonly protocol: string;
}

/**
 * A data store's security group: no ingress and no egress until `allowFrom` admits a
 * client group on the store's one port. Not a construct: its resources are created in
 * the owner's scope (`SecurityGroup`, `Ingress<n>`), so their addresses are the owner's.
 */
export class ClientSecurityGroup {
  public readonly securityGroupId: string;
  private ingressCount = 0;

  constructor(private readonly scope: Construct, private readonly props: ClientSecurityGroupProps) {
    this.securityGroupId = new SecurityGroup(scope, "SecurityGroup", {
      name: props.name,
      description: props.description,
      vpcId: props.vpcId,
      tags: { Name: props.name },
    }).id;
  }

  /** Admit clients in `securityGroupId` on the port. */
  allowFrom(securityGroupId: string, description: string): void {
    new VpcSecurityGroupIngressRule(this.scope, `Ingress${this.ingressCount++}`, {
      securityGroupId: this.securityGroupId,
      referencedSecurityGroupId: securityGroupId,
      ipProtocol: "tcp",
      fromPort: this.props.port,
      toPort: this.props.port,
      description: `${description}: ${this.props.protocol}`,
    });
  }
}
