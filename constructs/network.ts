import { Construct } from "constructs";
import { Fn } from "cdktf";
import { DataAwsAvailabilityZones } from "@cdktf/provider-aws/lib/data-aws-availability-zones";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { NetworkAcl, type NetworkAclEgress, type NetworkAclIngress } from "@cdktf/provider-aws/lib/network-acl";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet, type SubnetConfig } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { LogGroup } from "./log-group";
import { policyDocument, type PolicyStatement } from "./policy-document";
import { ServiceRole } from "./service-role";

/** Ports the data tier serves to the app tier: PostgreSQL, MySQL, Redis. */
export const DATA_TIER_PORTS = [5432, 3306, 6379] as const;

export interface NetworkProps {
  /** `<app>-<env>`, the prefix of every name. */
  readonly namePrefix: string;
  readonly vpcCidr: string;
  /** Subnet CIDRs per tier, one per AZ (validated by the config: inside the VPC, no overlap). */
  readonly subnets: { readonly public: readonly string[]; readonly app: readonly string[]; readonly data: readonly string[] };
  /** One NAT gateway for all AZs (dev) or one per AZ (no cross-AZ dependency). */
  readonly natGateways: "single" | "perAz";
  /**
   * Availability zone IDs (`use1-az1`), one per AZ: the same physical zones in every account.
   * Changing a subnet's zone replaces the subnet.
   * @default - not pinned: the region's first zones that need no opt-in (Local Zones never count)
   */
  readonly zoneIds?: readonly string[];
  /** Interface endpoint services, e.g. `ecr.api`, so private subnets reach AWS APIs without NAT. @default - none */
  readonly interfaceEndpoints?: readonly string[];
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  /** Flow log group settings: CMK and retention. */
  readonly flowLogs: { readonly kmsKeyArn: string; readonly retentionDays: number };
}

/**
 * A VPC across 2-3 AZs with three tiers: public (load balancers, NAT), private-app (tasks,
 * NAT egress) and private-data (no internet route; reached from the app tier only, NACL-
 * enforced). DNS on, default security group stripped, flow logs (ALL) to an encrypted log
 * group, S3/DynamoDB gateway endpoints and optional interface endpoints, all kept to the
 * account by their policies.
 */
export class Network extends Construct {
  public readonly vpcId: string;
  public readonly vpcCidr: string;
  public readonly publicSubnetIds: string[];
  public readonly appSubnetIds: string[];
  public readonly dataSubnetIds: string[];
  /** Security group of the interface endpoints (443 from the app subnets). */
  public readonly endpointSecurityGroupId?: string;
  /** Prefix list of the S3 gateway endpoint: egress to S3 (ECR image layers, the app's buckets) without the internet. */
  public readonly s3PrefixListId: string;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const azCount = props.subnets.app.length;
    if (props.zoneIds && props.zoneIds.length !== azCount) {
      throw new Error(`Network: \`zoneIds\` needs one zone ID per AZ (got ${props.zoneIds.length} for ${azCount} AZs).`);
    }
    const zoneOf = this.zonePlacement(props.zoneIds);
    const vpc = new Vpc(this, "Vpc", {
      cidrBlock: props.vpcCidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: `${props.namePrefix}-vpc` },
    });
    this.vpcId = vpc.id;
    this.vpcCidr = props.vpcCidr;
    // Take every rule off the default group, so nothing placed in it by accident is reachable.
    new DefaultSecurityGroup(this, "DefaultSecurityGroup", { vpcId: vpc.id, tags: { Name: `${props.namePrefix}-default-closed` } });

    const subnet = (tier: "public" | "app" | "data", i: number) =>
      new Subnet(this, `${tier[0].toUpperCase()}${tier.slice(1)}Subnet${i}`, {
        vpcId: vpc.id,
        cidrBlock: props.subnets[tier][i],
        ...zoneOf(i),
        mapPublicIpOnLaunch: false,
        tags: { Name: `${props.namePrefix}-${tier}-${i}`, Tier: tier },
      });
    const azs = Array.from({ length: azCount }, (_, i) => i);
    const publicSubnets = azs.map((i) => subnet("public", i));
    const appSubnets = azs.map((i) => subnet("app", i));
    const dataSubnets = azs.map((i) => subnet("data", i));
    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.appSubnetIds = appSubnets.map((s) => s.id);
    this.dataSubnetIds = dataSubnets.map((s) => s.id);

    const igw = new InternetGateway(this, "InternetGateway", { vpcId: vpc.id, tags: { Name: `${props.namePrefix}-igw` } });
    const publicRoutes = new RouteTable(this, "PublicRouteTable", { vpcId: vpc.id, tags: { Name: `${props.namePrefix}-public` } });
    new Route(this, "PublicDefaultRoute", { routeTableId: publicRoutes.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
    publicSubnets.forEach(
      (s, i) => new RouteTableAssociation(this, `PublicRouteTableAssociation${i}`, { subnetId: s.id, routeTableId: publicRoutes.id }),
    );

    const natCount = props.natGateways === "perAz" ? azCount : 1;
    const nats = Array.from({ length: natCount }, (_, i) => {
      const eip = new Eip(this, `NatEip${i}`, { domain: "vpc", tags: { Name: `${props.namePrefix}-nat-${i}` } });
      return new NatGateway(this, `NatGateway${i}`, {
        allocationId: eip.allocationId,
        subnetId: publicSubnets[i].id,
        tags: { Name: `${props.namePrefix}-nat-${i}` },
        dependsOn: [igw],
      });
    });
    const appRoutes = azs.map((i) => {
      const table = new RouteTable(this, `AppRouteTable${i}`, { vpcId: vpc.id, tags: { Name: `${props.namePrefix}-app-${i}` } });
      new Route(this, `AppDefaultRoute${i}`, {
        routeTableId: table.id,
        destinationCidrBlock: "0.0.0.0/0",
        natGatewayId: nats[Math.min(i, natCount - 1)].id,
      });
      new RouteTableAssociation(this, `AppRouteTableAssociation${i}`, { subnetId: appSubnets[i].id, routeTableId: table.id });
      return table;
    });
    // The data tier has no route to the internet at all.
    const dataRoutes = new RouteTable(this, "DataRouteTable", { vpcId: vpc.id, tags: { Name: `${props.namePrefix}-data` } });
    dataSubnets.forEach(
      (s, i) => new RouteTableAssociation(this, `DataRouteTableAssociation${i}`, { subnetId: s.id, routeTableId: dataRoutes.id }),
    );

    const policies = endpointPolicies(props);
    const gateways = (["s3", "dynamodb"] as const).map(
      (service) =>
        new VpcEndpoint(this, `${service === "s3" ? "S3" : "DynamoDb"}GatewayEndpoint`, {
          vpcId: vpc.id,
          serviceName: `com.amazonaws.${props.region}.${service}`,
          vpcEndpointType: "Gateway",
          routeTableIds: [...appRoutes.map((t) => t.id), dataRoutes.id],
          policy: policies[service],
          tags: { Name: `${props.namePrefix}-${service}` },
        }),
    );
    this.s3PrefixListId = gateways[0].prefixListId;
    if (props.interfaceEndpoints?.length) {
      // The app tier only: public subnets hold load balancers and NAT, which call no AWS API,
      // and the data tier's NACL lets nothing out to port 443 (managed databases and caches
      // call AWS APIs through their own service, not through these endpoints).
      const sg = new SecurityGroup(this, "EndpointSecurityGroup", {
        name: `${props.namePrefix}-endpoints`,
        // Not reworded: a group's description is immutable, so a change would replace the group.
        description: "Interface endpoints: HTTPS from inside the VPC only",
        vpcId: vpc.id,
        ingress: [
          {
            description: "HTTPS from the app subnets",
            fromPort: 443,
            toPort: 443,
            protocol: "tcp",
            cidrBlocks: [...props.subnets.app],
          },
        ],
        tags: { Name: `${props.namePrefix}-endpoints` },
      });
      this.endpointSecurityGroupId = sg.id;
      for (const service of props.interfaceEndpoints) {
        new VpcEndpoint(this, `InterfaceEndpoint-${service.replace(".", "-")}`, {
          vpcId: vpc.id,
          serviceName: `com.amazonaws.${props.region}.${service}`,
          vpcEndpointType: "Interface",
          privateDnsEnabled: true,
          subnetIds: this.appSubnetIds,
          securityGroupIds: [sg.id],
          policy: policies.interface,
          tags: { Name: `${props.namePrefix}-${service}` },
        });
      }
    }

    this.createDataTierAcl(props, vpc, dataSubnets);
    this.createFlowLogs(props, vpc);
  }

  /**
   * Where subnet `i` goes: the pinned zone ID, or else the i-th zone of the region that needs
   * no opt-in. Without that filter, opting the account into a Local Zone would shift every
   * index and replace the subnets.
   */
  private zonePlacement(
    zoneIds: readonly string[] | undefined,
  ): (i: number) => Pick<SubnetConfig, "availabilityZone" | "availabilityZoneId"> {
    if (zoneIds) return (i) => ({ availabilityZoneId: zoneIds[i] });
    const zones = new DataAwsAvailabilityZones(this, "Zones", {
      state: "available",
      filter: [{ name: "opt-in-status", values: ["opt-in-not-required"] }],
    });
    return (i) => ({ availabilityZone: Fn.element(zones.names, i) });
  }

  /**
   * Data subnets accept the data ports from the app tier only, talk freely within the tier
   * (replication between cache nodes and database replicas), and answer nothing else.
   */
  private createDataTierAcl(props: NetworkProps, vpc: Vpc, dataSubnets: Subnet[]): void {
    const ingress: NetworkAclIngress[] = [];
    const egress: NetworkAclEgress[] = [];
    let rule = 100;
    for (const cidr of props.subnets.data) {
      ingress.push({ ruleNo: rule++, action: "allow", protocol: "tcp", cidrBlock: cidr, fromPort: 0, toPort: 65535 });
      egress.push({ ruleNo: rule++, action: "allow", protocol: "tcp", cidrBlock: cidr, fromPort: 0, toPort: 65535 });
    }
    for (const cidr of props.subnets.app) {
      for (const port of DATA_TIER_PORTS)
        ingress.push({ ruleNo: rule++, action: "allow", protocol: "tcp", cidrBlock: cidr, fromPort: port, toPort: port });
      egress.push({ ruleNo: rule++, action: "allow", protocol: "tcp", cidrBlock: cidr, fromPort: 1024, toPort: 65535 });
    }
    // Nothing else: managed databases and caches start no connections of their own, and an
    // ephemeral-port rule from the whole VPC would reopen 3306/5432/6379 to every tier.
    new NetworkAcl(this, "DataTierAcl", {
      vpcId: vpc.id,
      subnetIds: dataSubnets.map((s) => s.id),
      ingress,
      egress,
      tags: { Name: `${props.namePrefix}-data` },
    });
  }

  private createFlowLogs(props: NetworkProps, vpc: Vpc): void {
    const group = new LogGroup(this, "FlowLogGroup", {
      logGroupName: `/aws/vpc/${props.namePrefix}-flow-logs`,
      retentionDays: props.flowLogs.retentionDays,
      kmsKeyArn: props.flowLogs.kmsKeyArn,
    });
    const role = new ServiceRole(this, "FlowLogRole", {
      roleName: `${props.namePrefix}-flow-logs`,
      service: "vpc-flow-logs.amazonaws.com",
      sourceAccountId: props.accountId,
      description: `Delivers ${props.namePrefix} VPC flow logs to CloudWatch Logs`,
      statements: [
        {
          Sid: "WriteFlowLogs",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          Resource: `${group.logGroupArn}:*`,
        },
      ],
    });
    new FlowLog(this, "FlowLog", {
      vpcId: vpc.id,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: group.logGroupArn,
      iamRoleArn: role.roleArn,
      maxAggregationInterval: 60,
      tags: { Name: `${props.namePrefix}-flow-logs` },
    });
  }
}

/**
 * Endpoint policies that keep traffic through the endpoints inside the account: gateway
 * endpoints reach only its buckets and tables (plus the regional bucket ECR serves image
 * layers from), interface endpoints serve only its principals. Without them, anything in
 * the private subnets could copy data to any bucket or table of any account in the region.
 */
function endpointPolicies(props: NetworkProps): { s3: string; dynamodb: string; interface: string } {
  const account = props.accountId;
  const allow = (Sid: string, Action: string, condition: "aws:ResourceAccount" | "aws:PrincipalAccount"): PolicyStatement => ({
    Sid,
    Effect: "Allow",
    Principal: "*",
    Action,
    Resource: "*",
    Condition: { StringEquals: { [condition]: account } },
  });
  return {
    s3: policyDocument([
      allow("OwnAccountBuckets", "s3:*", "aws:ResourceAccount"),
      {
        Sid: "EcrImageLayers",
        Effect: "Allow",
        Principal: "*",
        Action: "s3:GetObject",
        Resource: `arn:${props.partition}:s3:::prod-${props.region}-starport-layer-bucket/*`,
      },
    ]),
    dynamodb: policyDocument([allow("OwnAccountTables", "dynamodb:*", "aws:ResourceAccount")]),
    interface: policyDocument([allow("OwnAccountPrincipals", "*", "aws:PrincipalAccount")]),
  };
}
