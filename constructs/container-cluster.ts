import { Construct } from "constructs";
import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { LogGroup } from "./log-group";

export interface ContainerClusterProps {
  readonly clusterName: string;
  /**
   * CMK of ECS Exec sessions and their log group, and of the tasks' Fargate ephemeral storage
   * (its key policy must admit Fargate: `fargateEphemeralStorageStatements`).
   */
  readonly kmsKeyArn: string;
  /** Log group of ECS Exec sessions. */
  readonly execLogGroup: string;
  readonly logRetentionDays: number;
}

/**
 * The ECS cluster of an environment: Container Insights (enhanced), its tasks' Fargate
 * ephemeral storage encrypted with the CMK, and ECS Exec sessions encrypted with the CMK and
 * logged to an encrypted group, should a service ever enable exec (none does by default: a
 * shell in a container that holds PHI is an access path).
 */
export class ContainerCluster extends Construct {
  public readonly clusterArn: string;
  public readonly clusterName: string;

  constructor(scope: Construct, id: string, props: ContainerClusterProps) {
    super(scope, id);
    const logs = new LogGroup(this, "ExecLogGroup", {
      logGroupName: props.execLogGroup,
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    const cluster = new EcsCluster(this, "Cluster", {
      name: props.clusterName,
      setting: [{ name: "containerInsights", value: "enhanced" }],
      configuration: {
        executeCommandConfiguration: {
          kmsKeyId: props.kmsKeyArn,
          logging: "OVERRIDE",
          logConfiguration: { cloudWatchEncryptionEnabled: true, cloudWatchLogGroupName: logs.logGroupName },
        },
        // Task storage (/tmp and the container layers) under the CMK instead of an AWS-owned key.
        managedStorageConfiguration: { fargateEphemeralStorageKmsKeyId: props.kmsKeyArn },
      },
    });
    this.clusterArn = cluster.arn;
    this.clusterName = cluster.name;
  }
}
