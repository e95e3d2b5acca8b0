import { App, TerraformStack } from "cdktf";
import { Network } from "../../constructs/network";
import { addressOf, appStackTf, baseSpec, onlyResource, referencing, resourcesOfType } from "../helpers";

describe("Network", () => {
  const dev = appStackTf(baseSpec(), "dev");
  const prod = appStackTf(baseSpec(), "prod");
  const vpcAddress = (tf: typeof dev) => addressOf(tf, onlyResource(tf, "aws_vpc"));

  it("spans 2 AZs with one NAT in dev and 3 AZs with a NAT each in prod", () => {
    expect(resourcesOfType(dev, "aws_subnet")).toHaveLength(6);
    expect(resourcesOfType(dev, "aws_nat_gateway")).toHaveLength(1);
    expect(resourcesOfType(prod, "aws_subnet")).toHaveLength(9);
    expect(resourcesOfType(prod, "aws_nat_gateway")).toHaveLength(3);
  });

  it("has DNS on, no public IPs on launch, subnets from the planned CIDRs in distinct AZs", () => {
    expect(onlyResource(prod, "aws_vpc")).toMatchObject({
      cidr_block: "10.0.0.0/16",
      enable_dns_support: true,
      enable_dns_hostnames: true,
    });
    const subnets = resourcesOfType(prod, "aws_subnet");
    for (const s of subnets) expect(s.map_public_ip_on_launch).toBe(false);
    expect(subnets.filter((s) => s.tags.Tier === "data").map((s) => s.cidr_block)).toEqual([
      "10.0.128.0/20",
      "10.0.144.0/20",
      "10.0.160.0/20",
    ]);
    expect(subnets.filter((s) => s.tags.Tier === "app").map((s) => s.availability_zone)).toEqual(
      [0, 1, 2].map((i) => `\${element(data.aws_availability_zones.Network_Zones_73A0D929.names, ${i})}`),
    );
  });

  it("strips every rule from the default security group", () => {
    const dsg = onlyResource(prod, "aws_default_security_group");
    expect(dsg.vpc_id).toBe(`\${${vpcAddress(prod)}.id}`);
    expect(dsg.ingress).toBeUndefined();
    expect(dsg.egress).toBeUndefined();
  });

  it("routes public subnets to the internet gateway, app subnets to NAT, and the data tier nowhere", () => {
    const routes = resourcesOfType(prod, "aws_route");
    const igw = addressOf(prod, onlyResource(prod, "aws_internet_gateway"));
    expect(routes.filter((r) => r.gateway_id === `\${${igw}.id}`)).toHaveLength(1);
    expect(routes.filter((r) => String(r.nat_gateway_id).includes("aws_nat_gateway"))).toHaveLength(3);
    const dataTable = resourcesOfType(prod, "aws_route_table").find((t) => t.tags.Name === "demo-prod-data")!;
    const dataTableAddress = addressOf(prod, dataTable);
    expect(referencing(prod, "aws_route", "route_table_id", dataTableAddress)).toEqual([]);
    // dev: one NAT serves both app route tables
    expect(
      new Set(
        resourcesOfType(dev, "aws_route")
          .filter((r) => r.nat_gateway_id)
          .map((r) => r.nat_gateway_id),
      ).size,
    ).toBe(1);
  });

  it("adds S3/DynamoDB gateway endpoints everywhere and interface endpoints where the preset asks", () => {
    const gateways = resourcesOfType(prod, "aws_vpc_endpoint").filter((e) => e.vpc_endpoint_type === "Gateway");
    expect(gateways.map((g) => g.service_name).sort()).toEqual(["com.amazonaws.eu-central-1.dynamodb", "com.amazonaws.eu-central-1.s3"]);
    for (const g of gateways) expect(g.route_table_ids).toHaveLength(4); // 3 app + data
    const interfaces = resourcesOfType(prod, "aws_vpc_endpoint").filter((e) => e.vpc_endpoint_type === "Interface");
    expect(interfaces.map((e) => e.service_name.split(".").slice(3).join(".")).sort()).toEqual([
      "ecr.api",
      "ecr.dkr",
      "kms",
      "logs",
      "secretsmanager",
    ]);
    for (const e of interfaces) expect(e.private_dns_enabled).toBe(true);
    expect(resourcesOfType(dev, "aws_vpc_endpoint").filter((e) => e.vpc_endpoint_type === "Interface")).toEqual([]);
  });

  it("admits HTTPS to the interface endpoints from the app subnets only (the data tier's NACL lets nothing out to 443)", () => {
    const sg = onlyResource(prod, "aws_security_group");
    const appCidrs = ["10.0.64.0/20", "10.0.80.0/20", "10.0.96.0/20"];
    expect(sg.ingress).toEqual([expect.objectContaining({ from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: appCidrs })]);
    expect(sg.egress).toBeUndefined();
    // immutable in AWS: rewording it would replace a group the endpoints use
    expect(sg.description).toBe("Interface endpoints: HTTPS from inside the VPC only");
  });

  describe("endpoint policies keep traffic inside the account", () => {
    const endpoint = (service: string) =>
      resourcesOfType(prod, "aws_vpc_endpoint").find((e) => e.service_name === `com.amazonaws.eu-central-1.${service}`)!;
    const statements = (service: string) => JSON.parse(endpoint(service).policy).Statement;

    it("S3: the account's buckets, and reads of the regional ECR layer bucket", () => {
      expect(statements("s3")).toEqual([
        {
          Sid: "OwnAccountBuckets",
          Effect: "Allow",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { StringEquals: { "aws:ResourceAccount": "333333333333" } },
        },
        {
          Sid: "EcrImageLayers",
          Effect: "Allow",
          Principal: "*",
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::prod-eu-central-1-starport-layer-bucket/*",
        },
      ]);
    });

    it("DynamoDB: the account's tables only", () => {
      expect(statements("dynamodb")).toEqual([
        expect.objectContaining({
          Effect: "Allow",
          Action: "dynamodb:*",
          Condition: { StringEquals: { "aws:ResourceAccount": "333333333333" } },
        }),
      ]);
    });

    it("interface endpoints: the account's principals only", () => {
      for (const service of ["ecr.api", "ecr.dkr", "secretsmanager", "logs", "kms"]) {
        expect(statements(service)).toEqual([
          expect.objectContaining({
            Effect: "Allow",
            Principal: "*",
            Condition: { StringEquals: { "aws:PrincipalAccount": "333333333333" } },
          }),
        ]);
      }
    });

    it("use the environment's own account", () => {
      const accounts = resourcesOfType(dev, "aws_vpc_endpoint").map((e) =>
        Object.values(JSON.parse(e.policy).Statement[0].Condition.StringEquals),
      );
      expect(accounts).toEqual([["111111111111"], ["111111111111"]]);
    });
  });

  it("lets only the app tier reach the data tier's ports through the NACL, and the tier talk within itself", () => {
    const acl = onlyResource(prod, "aws_network_acl");
    expect(acl.subnet_ids).toHaveLength(3);
    const appCidrs = ["10.0.64.0/20", "10.0.80.0/20", "10.0.96.0/20"];
    const dataCidrs = ["10.0.128.0/20", "10.0.144.0/20", "10.0.160.0/20"];
    const allPorts = (rules: any[]) => rules.filter((r) => r.from_port === 0 && r.to_port === 65535).map((r) => r.cidr_block);
    expect(allPorts(acl.ingress)).toEqual(dataCidrs);
    expect(allPorts(acl.egress)).toEqual(dataCidrs);
    const dataPortRules = acl.ingress.filter((r: any) => r.from_port === r.to_port);
    expect(dataPortRules).toHaveLength(9);
    for (const r of dataPortRules) {
      expect(appCidrs).toContain(r.cidr_block);
      expect([5432, 3306, 6379]).toContain(r.from_port);
    }
    for (const r of [...acl.ingress, ...acl.egress]) expect([...appCidrs, ...dataCidrs]).toContain(r.cidr_block);
  });

  it("sends ALL flow logs to a CMK-encrypted log group through a scoped role", () => {
    const flow = onlyResource(prod, "aws_flow_log");
    expect(flow).toMatchObject({ traffic_type: "ALL", log_destination_type: "cloud-watch-logs", vpc_id: `\${${vpcAddress(prod)}.id}` });
    const group = resourcesOfType(prod, "aws_cloudwatch_log_group").find((g) => g.name === "/aws/vpc/demo-prod-flow-logs")!;
    expect(group.kms_key_id).toMatch(/^\$\{aws_kms_key\.DataKey_/);
    expect(group.retention_in_days).toBe(365);
    const role = resourcesOfType(prod, "aws_iam_role").find((r) => r.name === "demo-prod-flow-logs")!;
    expect(JSON.parse(role.assume_role_policy).Statement[0]).toMatchObject({
      Principal: { Service: "vpc-flow-logs.amazonaws.com" },
      Condition: { StringEquals: { "aws:SourceAccount": "333333333333" } },
    });
    const policy = JSON.parse(resourcesOfType(prod, "aws_iam_role_policy").find((p) => p.name === "demo-prod-flow-logs-policy")!.policy);
    expect(policy.Statement[0].Resource).toBe(`\${${addressOf(prod, group)}.arn}:*`);
  });

  it("picks unpinned zones only among those that need no opt-in (a Local Zone opt-in shifts no index)", () => {
    const zones = prod.data?.aws_availability_zones ?? {};
    expect(Object.values(zones)).toEqual([
      expect.objectContaining({ state: "available", filter: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] }),
    ]);
  });

  it("pins subnets to configured zone IDs per environment", () => {
    const spec = baseSpec();
    spec.environments.prod!.overrides = { network: { zoneIds: ["euc1-az2", "euc1-az3", "euc1-az1"] } };
    const tf = appStackTf(spec, "prod");
    const subnets = resourcesOfType(tf, "aws_subnet");
    for (const tier of ["public", "app", "data"]) {
      expect(subnets.filter((s) => s.tags.Tier === tier).map((s) => s.availability_zone_id)).toEqual(["euc1-az2", "euc1-az3", "euc1-az1"]);
    }
    for (const s of subnets) expect(s.availability_zone).toBeUndefined();
    expect(tf.data?.aws_availability_zones).toBeUndefined();
    // other environments stay unpinned
    expect(resourcesOfType(appStackTf(spec, "staging"), "aws_subnet")[0].availability_zone_id).toBeUndefined();
  });

  it("refuses zone IDs that do not match the AZ count, naming the prop", () => {
    const props = {
      namePrefix: "x-dev",
      vpcCidr: "10.0.0.0/16",
      natGateways: "single" as const,
      region: "eu-central-1",
      accountId: "111111111111",
      partition: "aws",
      subnets: { public: ["10.0.0.0/24", "10.0.1.0/24"], app: ["10.0.2.0/24", "10.0.3.0/24"], data: ["10.0.4.0/24", "10.0.5.0/24"] },
      flowLogs: { kmsKeyArn: "arn:aws:kms:eu-central-1:111111111111:key/x", retentionDays: 365, preventDestroy: false },
    };
    const stack = new TerraformStack(new App(), "net");
    expect(() => new Network(stack, "Short", { ...props, zoneIds: ["euc1-az1"] })).toThrow(
      /`zoneIds` needs one zone ID per AZ \(got 1 for 2 AZs\)/,
    );
    expect(() => new Network(stack, "Pinned", { ...props, zoneIds: ["euc1-az1", "euc1-az2"] })).not.toThrow();
  });

  it("takes subnet CIDRs from config (R2's layout)", () => {
    const spec = baseSpec();
    spec.overrides = {
      network: {
        azCount: 3,
        natGateways: "single",
        subnetCidrs: {
          public: ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"],
          app: ["10.0.11.0/24", "10.0.12.0/24", "10.0.13.0/24"],
          data: ["10.0.21.0/24", "10.0.22.0/24", "10.0.23.0/24"],
        },
      },
    };
    const tf = appStackTf(spec, "staging");
    expect(
      resourcesOfType(tf, "aws_subnet")
        .filter((s) => s.tags.Tier === "public")
        .map((s) => s.cidr_block),
    ).toEqual(["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]);
    expect(resourcesOfType(tf, "aws_nat_gateway")).toHaveLength(1);
  });
});
