import { namedSecurityGroup, peerRule } from "./security-group-rules";
import type { Construct } from "constructs";

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

  constructor(
    private readonly scope: Construct,
    private readonly props: ClientSecurityGroupProps,
  ) {
    this.securityGroupId = namedSecurityGroup(scope, props);
  }

  /** Admit clients in `securityGroupId` on the port. */
  allowFrom(securityGroupId: string, description: string): void {
    peerRule(this.scope, `Ingress${this.ingressCount++}`, "ingress", {
      securityGroupId: this.securityGroupId,
      peer: securityGroupId,
      port: this.props.port,
      description: `${description}: ${this.props.protocol}`,
    });
  }
}
