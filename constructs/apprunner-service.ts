import { Construct } from "constructs";
import { ApprunnerAutoScalingConfigurationVersion } from "@cdktf/provider-aws/lib/apprunner-auto-scaling-configuration-version";
import { ApprunnerObservabilityConfiguration } from "@cdktf/provider-aws/lib/apprunner-observability-configuration";
import { ApprunnerService } from "@cdktf/provider-aws/lib/apprunner-service";
import { ApprunnerVpcConnector } from "@cdktf/provider-aws/lib/apprunner-vpc-connector";
import type { PolicyStatement } from "./policy-document";
import { ServiceRole } from "./service-role";
import { ServiceSecurityGroup, type ServiceEgressProps } from "./service-security-group";

export interface AppRunnerServiceProps {
  /** Service, connector, scaling configuration and role name base: `<app>-<env>-<service>`. */
  readonly name: string;
  /** Image reference in a private ECR repository, `<repository url>:<tag>`. */
  readonly image: string;
  readonly port: number;
  /** CPU units and MiB: a pair App Runner accepts (the config checks it). */
  readonly cpu: number;
  readonly memoryMb: number;
  /** Instances auto scaling keeps between (1-25). */
  readonly minCount: number;
  readonly maxCount: number;
  /** Path of the HTTP health check. */
  readonly healthCheckPath: string;
  /** Plain environment variables (no secrets). */
  readonly environment: Readonly<Record<string, string>>;
  /** Variables injected from Secrets Manager: name -> secret ARN. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly vpcId: string;
  /** Private app subnets the VPC connector sends all outbound traffic into. */
  readonly subnetIds: readonly string[];
  /** Where the connector's group sends traffic: the VPC endpoints, the internet only with a reason. */
  readonly egress: ServiceEgressProps;
  /** CMK that encrypts the service's source copy and logs. */
  readonly kmsKeyArn: string;
  /** Send traces to X-Ray (and let the instance role write them). @default false */
  readonly tracing?: boolean;
  /**
   * Create an instance role for the app's own AWS calls and its injected secrets; only
   * when something will be granted to it (a role with an empty policy fails synthesis).
   * Without it the app has no AWS identity at all. @default true
   */
  readonly instanceRole?: boolean;
}

/**
 * An App Runner service from a private ECR image: an access role (App Runner's build side
 * pulls the image; granted by the repository) and an instance role (the app: only what it
 * was granted, its injected secrets among them); the pair of CPU and memory, plain
 * variables and secrets by ARN, HTTP health check, auto scaling between minCount and
 * maxCount, encryption with the CMK; all outbound traffic through a VPC connector into
 * the app subnets whose security group reaches the VPC endpoints (the internet only with
 * `egress.internetHttpsReason`) and what `allowTo` adds (the database, the cache). Inbound
 * it is public (App Runner's HTTPS endpoint): put a web ACL on `serviceArn`. Terraform
 * deploys the configured tag: automatic deployments are off.
 */
export class AppRunnerService extends Construct {
  public readonly serviceArn: string;
  public readonly serviceId: string;
  public readonly serviceName: string;
  /** The service's HTTPS host name. */
  public readonly serviceUrl: string;
  /** The VPC connector's group: admit it to the database and the cache. */
  public readonly securityGroupId: string;
  /** Assumed by App Runner to pull the image: grant it the repository. */
  public readonly accessRole: ServiceRole;
  /** The app's role, when it has one: grant it secrets, buckets, keys, the database. */
  public readonly instanceRole?: ServiceRole;
  private readonly group: ServiceSecurityGroup;

  constructor(scope: Construct, id: string, props: AppRunnerServiceProps) {
    super(scope, id);
    const role = (roleId: string, suffix: string, service: string, description: string, statements?: PolicyStatement[]) =>
      new ServiceRole(this, roleId, {
        roleName: `${props.name}-${suffix}`,
        service,
        // App Runner's IAM roles documentation gives both trust policies (build.apprunner for the
        // access role, tasks.apprunner for the instance role) without conditions, and its security
        // chapter has no confused-deputy section naming aws:SourceAccount or aws:SourceArn
        // (docs.aws.amazon.com/apprunner/latest/dg/security_iam_service-with-iam.html, "App Runner IAM
        // roles"). StringEquals on a key the service does not send denies the AssumeRole, and App
        // Runner then fails with "Error in assuming access role". So no condition until AWS
        // documents one; the roles hold only this service's grants.
        sourceAccountId: undefined,
        description,
        statements,
      });
    this.accessRole = role("AccessRole", "access", "build.apprunner.amazonaws.com", `App Runner pulls the ${props.name} image`);
    if (props.instanceRole ?? true) {
      const xray = props.tracing ? [XRAY_WRITE] : [];
      this.instanceRole = role("InstanceRole", "instance", "tasks.apprunner.amazonaws.com", `The ${props.name} app: only its grants`, xray);
    }
    this.group = new ServiceSecurityGroup(this, {
      name: props.name,
      description: `${props.name} App Runner VPC connector: outbound only`,
      vpcId: props.vpcId,
      ...props.egress,
    });
    this.securityGroupId = this.group.securityGroupId;
    const connector = new ApprunnerVpcConnector(this, "VpcConnector", {
      vpcConnectorName: props.name,
      subnets: [...props.subnetIds],
      securityGroups: [this.securityGroupId],
    });
    const scaling = new ApprunnerAutoScalingConfigurationVersion(this, "AutoScaling", {
      autoScalingConfigurationName: props.name,
      minSize: props.minCount,
      maxSize: props.maxCount,
      maxConcurrency: MAX_CONCURRENCY,
      // A change is a new revision; the service moves to it before the old one goes.
      lifecycle: { createBeforeDestroy: true },
    });
    const service = new ApprunnerService(this, "Service", {
      serviceName: props.name,
      sourceConfiguration: {
        autoDeploymentsEnabled: false,
        authenticationConfiguration: { accessRoleArn: this.accessRole.roleArn },
        imageRepository: {
          imageRepositoryType: "ECR",
          imageIdentifier: props.image,
          imageConfiguration: {
            port: String(props.port),
            runtimeEnvironmentVariables: sorted(props.environment),
            runtimeEnvironmentSecrets: sorted(props.secrets),
          },
        },
      },
      instanceConfiguration: { cpu: String(props.cpu), memory: String(props.memoryMb), instanceRoleArn: this.instanceRole?.roleArn },
      healthCheckConfiguration: {
        protocol: "HTTP",
        path: props.healthCheckPath,
        interval: 10,
        timeout: 5,
        healthyThreshold: 1,
        unhealthyThreshold: 5,
      },
      autoScalingConfigurationArn: scaling.arn,
      encryptionConfiguration: { kmsKey: props.kmsKeyArn },
      networkConfiguration: {
        egressConfiguration: { egressType: "VPC", vpcConnectorArn: connector.arn },
        ingressConfiguration: { isPubliclyAccessible: true },
      },
      observabilityConfiguration: this.observability(props),
      // App Runner checks the roles' permissions when it creates the service.
      dependsOn: [this.accessRole.policyReady, ...(this.instanceRole ? [this.instanceRole.policyReady] : [])],
    });
    this.serviceArn = service.arn;
    this.serviceId = service.serviceId;
    this.serviceName = service.serviceName;
    this.serviceUrl = service.serviceUrl;
  }

  /** Let the service reach `securityGroupId` on `port` (the database, the cache). */
  allowTo(securityGroupId: string, port: number, description: string): void {
    this.group.allowTo(securityGroupId, port, description);
  }

  /** X-Ray tracing through an observability configuration, when asked for. */
  private observability(props: AppRunnerServiceProps) {
    if (!props.tracing) return undefined;
    const config = new ApprunnerObservabilityConfiguration(this, "Observability", {
      observabilityConfigurationName: props.name,
      traceConfiguration: { vendor: "AWSXRAY" },
    });
    return { observabilityEnabled: true, observabilityConfigurationArn: config.arn };
  }
}

/** Concurrent requests per instance before App Runner scales out (its default). */
const MAX_CONCURRENCY = 100;

/** What the X-Ray SDK of an instance calls; X-Ray takes no resource ARNs for them. */
const XRAY_WRITE: PolicyStatement = {
  Sid: "XRayWriteTraces",
  Effect: "Allow",
  Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
  Resource: "*",
};

const sorted = (o: Readonly<Record<string, string>>): Record<string, string> | undefined => {
  const entries = Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
};
