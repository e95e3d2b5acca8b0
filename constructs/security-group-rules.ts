/**
 * The security-group pieces every tier uses: a named group with no rules of its own, and
 * a rule that opens one TCP port to or from another group. Plain functions: the resources
 * are created in the caller's scope, so their addresses are the caller's.
 */
import type { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";

/** A security group named (and tagged) `name`, construct id `SecurityGroup`; returns its id. */
export function namedSecurityGroup(scope: Construct, props: { name: string; description: string; vpcId: string }): string {
  return new SecurityGroup(scope, "SecurityGroup", { ...props, tags: { Name: props.name } }).id;
}

/** Open TCP `port` between `securityGroupId` and the `peer` group: in (ingress) or out (egress). */
export function peerRule(
  scope: Construct,
  id: string,
  direction: "ingress" | "egress",
  p: { securityGroupId: string; peer: string; port: number; description: string },
): void {
  const Rule = direction === "ingress" ? VpcSecurityGroupIngressRule : VpcSecurityGroupEgressRule;
  new Rule(scope, id, {
    securityGroupId: p.securityGroupId,
    referencedSecurityGroupId: p.peer,
    ipProtocol: "tcp",
    fromPort: p.port,
    toPort: p.port,
    description: p.description,
  });
}
