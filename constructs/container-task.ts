import { Construct } from "constructs";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import type { PolicyStatement } from "./policy-document";
import { ServiceRole } from "./service-role";

export interface ContainerTaskProps {
  /** Family, container and role name base: `<app>-<env>-<service>`. */
  readonly name: string;
  /** Image reference, `<repository url>:<tag>`. */
  readonly image: string;
  readonly cpu: number;
  readonly memoryMb: number;
  readonly port: number;
  /** Path the container health check requests on localhost (needs curl in the image). */
  readonly healthCheckPath: string;
  /**
   * Whether the container serves TLS on its port (the ALB's target protocol is HTTPS): the
   * health check then requests https:// and accepts the container's own certificate.
   * @default false
   */
  readonly servesTls?: boolean;
  /** Non-root `uid[:gid]`. */
  readonly user: string;
  /** Plain environment variables. */
  readonly environment: Readonly<Record<string, string>>;
  /** Variables injected from Secrets Manager: name -> `valueFrom` (a secret ARN, or ARN:key::). */
  readonly secrets: Readonly<Record<string, string>>;
  /** Log group of the container output (awslogs) and the stream prefix in it. */
  readonly logs: { readonly groupName: string; readonly groupArn: string; readonly streamPrefix: string };
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  /**
   * Create a task role for the app's own AWS calls; create it only when something will be
   * granted to it (a role with an empty policy fails synthesis). Without it the task has
   * no AWS identity at all. @default true
   */
  readonly taskRole?: boolean;
}

/**
 * A Fargate task definition of one container that runs as a non-root user on a read-only
 * root filesystem (a scratch volume on /tmp), drops every Linux capability, logs to the
 * KMS-encrypted group and reads its secrets from Secrets Manager at start. Two roles: the
 * execution role (ECS agent: pull, log, read the secrets it injects; granted by the
 * repository and the secrets) and the task role (the app: only what it was granted).
 */
export class ContainerTask extends Construct {
  public readonly taskDefinitionArn: string;
  /** The role ECS starts the task with: grant it image pulls and the secrets it injects. */
  public readonly executionRole: ServiceRole;
  /** The app's role, when it has one: grant it buckets, keys, the database. */
  public readonly taskRole?: ServiceRole;
  public readonly containerName: string;

  constructor(scope: Construct, id: string, props: ContainerTaskProps) {
    super(scope, id);
    const role = (roleId: string, suffix: string, description: string, statements: PolicyStatement[] = []) =>
      new ServiceRole(this, roleId, {
        roleName: `${props.name}-${suffix}`,
        service: "ecs-tasks.amazonaws.com",
        sourceAccountId: props.accountId,
        trustConditions: { ArnLike: { "aws:SourceArn": `arn:${props.partition}:ecs:${props.region}:${props.accountId}:*` } },
        description,
        statements,
      });
    this.executionRole = role("ExecutionRole", "execution", `ECS starts ${props.name} tasks: image pull, logs, injected secrets`, [
      {
        Sid: "WriteContainerLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `${props.logs.groupArn}:log-stream:*`,
      },
    ]);
    if (props.taskRole ?? true) this.taskRole = role("TaskRole", "task", `The ${props.name} app: only its grants`);
    this.containerName = props.name;
    const pairs = <T>(o: Readonly<Record<string, T>>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
    const container = {
      name: props.name,
      image: props.image,
      essential: true,
      user: props.user,
      privileged: false,
      readonlyRootFilesystem: true,
      portMappings: [{ containerPort: props.port, protocol: "tcp" }],
      environment: pairs(props.environment).map(([name, value]) => ({ name, value })),
      secrets: pairs(props.secrets).map(([name, valueFrom]) => ({ name, valueFrom })),
      mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
      linuxParameters: { capabilities: { drop: ["ALL"] }, initProcessEnabled: true },
      logConfiguration: {
        logDriver: "awslogs",
        options: {
          "awslogs-group": props.logs.groupName,
          "awslogs-region": props.region,
          "awslogs-stream-prefix": props.logs.streamPrefix,
        },
      },
      healthCheck: {
        command: [
          "CMD-SHELL",
          props.servesTls
            ? `curl -fsSk https://localhost:${props.port}${props.healthCheckPath} || exit 1`
            : `curl -fsS http://localhost:${props.port}${props.healthCheckPath} || exit 1`,
        ],
        interval: 30,
        timeout: 5,
        retries: 3,
        startPeriod: 60,
      },
    };
    const definition = new EcsTaskDefinition(this, "TaskDefinition", {
      family: props.name,
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: String(props.cpu),
      memory: String(props.memoryMb),
      executionRoleArn: this.executionRole.roleArn,
      taskRoleArn: this.taskRole?.roleArn,
      runtimePlatform: { operatingSystemFamily: "LINUX" },
      volume: [{ name: "tmp" }],
      containerDefinitions: JSON.stringify([container]),
    });
    this.taskDefinitionArn = definition.arn;
  }
}
