import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { peerRule } from "./security-group-rules";
import { ServiceSecurityGroup, type ServiceEgressProps } from "./service-security-group";

export interface FargateServiceProps {
  /** Service and security group name, `<app>-<env>-<service>`. */
  readonly name: string;
  readonly clusterArn: string;
  readonly clusterName: string;
  readonly taskDefinitionArn: string;
  readonly containerName: string;
  readonly port: number;
  readonly vpcId: string;
  /** Private app subnets; tasks get no public IP. */
  readonly subnetIds: readonly string[];
  /** The ALB's security group: the only one admitted. */
  readonly loadBalancerSecurityGroupId: string;
  /** The service's target group, and the listener or rule that uses it. */
  readonly target: { readonly targetGroupArn: string; readonly ready: ITerraformDependable };
  /** Where the tasks' group sends traffic: the VPC endpoints, the internet only with a reason. */
  readonly egress: ServiceEgressProps;
  readonly desiredCount: number;
  readonly minCount: number;
  readonly maxCount: number;
  readonly cpuTargetPercent: number;
  readonly memoryTargetPercent: number;
  /** Seconds new tasks may fail ALB health checks while they start. */
  readonly healthCheckGraceSeconds: number;
  /**
   * CloudWatch alarms that roll a deployment back when one fires during it.
   * @default - none: only the circuit breaker rolls back (tasks that never become healthy)
   */
  readonly rollbackAlarmNames?: readonly string[];
}

/**
 * An ECS Fargate service in the private app subnets behind the ALB: no public IP, a security
 * group that admits only the ALB on the container port and sends HTTPS to the VPC endpoints
 * (to the internet only with `egress.internetHttpsReason`) plus what `allowTo` adds (the
 * database, the cache); rolling deployments with the
 * circuit breaker rolling back a release that does not become healthy, and `rollbackAlarmNames`
 * one that makes them fire; target tracking on
 * CPU and memory between minCount and maxCount (desired_count is then left to scaling).
 */
export class FargateService extends Construct {
  public readonly securityGroupId: string;
  public readonly serviceName: string;
  private readonly group: ServiceSecurityGroup;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    const sg = new ServiceSecurityGroup(this, {
      name: props.name,
      description: `${props.name} tasks: from the ALB only`,
      vpcId: props.vpcId,
      ...props.egress,
    });
    this.group = sg;
    this.securityGroupId = sg.securityGroupId;
    peerRule(this, "IngressFromAlb", "ingress", {
      securityGroupId: sg.securityGroupId,
      peer: props.loadBalancerSecurityGroupId,
      port: props.port,
      description: "Requests forwarded by the ALB",
    });

    const service = new EcsService(this, "Service", {
      name: props.name,
      cluster: props.clusterArn,
      taskDefinition: props.taskDefinitionArn,
      desiredCount: props.desiredCount,
      launchType: "FARGATE",
      networkConfiguration: { subnets: [...props.subnetIds], securityGroups: [sg.securityGroupId], assignPublicIp: false },
      loadBalancer: [{ targetGroupArn: props.target.targetGroupArn, containerName: props.containerName, containerPort: props.port }],
      healthCheckGracePeriodSeconds: props.healthCheckGraceSeconds,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      ...(props.rollbackAlarmNames?.length ? { alarms: { alarmNames: [...props.rollbackAlarmNames], enable: true, rollback: true } } : {}),
      deploymentMinimumHealthyPercent: 100,
      deploymentMaximumPercent: 200,
      enableExecuteCommand: false,
      enableEcsManagedTags: true,
      propagateTags: "SERVICE",
      lifecycle: { ignoreChanges: ["desired_count"] },
      // ECS refuses a target group that no listener uses yet.
      dependsOn: [props.target.ready],
    });
    this.serviceName = service.name;

    const target = new AppautoscalingTarget(this, "ScalingTarget", {
      serviceNamespace: "ecs",
      resourceId: `service/${props.clusterName}/${service.name}`,
      scalableDimension: "ecs:service:DesiredCount",
      minCapacity: props.minCount,
      maxCapacity: props.maxCount,
    });
    const track = (id: string, metric: string, percent: number) =>
      new AppautoscalingPolicy(this, id, {
        name: `${props.name}-${id === "CpuScaling" ? "cpu" : "memory"}`,
        policyType: "TargetTrackingScaling",
        serviceNamespace: target.serviceNamespace,
        resourceId: target.resourceId,
        scalableDimension: target.scalableDimension,
        targetTrackingScalingPolicyConfiguration: {
          targetValue: percent,
          predefinedMetricSpecification: { predefinedMetricType: metric },
          scaleInCooldown: 300,
          scaleOutCooldown: 60,
        },
      });
    track("CpuScaling", "ECSServiceAverageCPUUtilization", props.cpuTargetPercent);
    track("MemoryScaling", "ECSServiceAverageMemoryUtilization", props.memoryTargetPercent);
  }

  /** Let the tasks reach `securityGroupId` on `port` (the database, the cache). */
  allowTo(securityGroupId: string, port: number, description: string): void {
    this.group.allowTo(securityGroupId, port, description);
  }
}
