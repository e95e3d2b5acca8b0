import { TerraformOutput, type TerraformStack } from "cdktf";
import type { ComputeTier } from "./compute-tier";
import type { DataTier } from "./data-tier";
import type { EdgeTier } from "./edge-tier";

/** What the app stack hands to whoever deploys and runs it (`terraform output`). */
export interface AppOutputsProps {
  readonly compute: ComputeTier;
  readonly data: DataTier;
  readonly edge: EdgeTier;
  /** The environment's alarm topic. */
  readonly alarmTopicArn: string;
  /** The data key (`alias/<app>-<env>-data`): it encrypts the secrets, so a one-off task reading one needs it. */
  readonly dataKeyArn: string;
  /** The private app subnets, where the services and any one-off task run. */
  readonly appSubnetIds: readonly string[];
}

/**
 * The app stack's Terraform outputs: where to push images, what DNS points at, how to reach
 * the data stores. Names are stable (`terraform output -raw alb_dns_name` in scripts); an
 * output exists only when the config has its part. Identifiers, endpoints and ARNs only:
 * never a secret value (secrets are given by ARN, and nothing here is `sensitive`).
 */
export function addAppOutputs(stack: TerraformStack, props: AppOutputsProps): void {
  const out = (name: string, value: unknown, description: string) => new TerraformOutput(stack, name, { value, description });
  const byService = <T>(o: Readonly<Record<string, T>>, pick: (x: T) => unknown) =>
    Object.fromEntries(Object.entries(o).map(([name, x]) => [name, pick(x)]));
  const { compute, data, edge } = props;

  if (Object.keys(compute.repositories).length > 0) {
    out(
      "ecr_repository_urls",
      byService(compute.repositories, (r) => r.repositoryUrl),
      "ECR repository URL by service: push images here",
    );
  }
  if (compute.cluster) out("ecs_cluster_name", compute.cluster.clusterName, "ECS cluster of the services");
  if (Object.keys(compute.services).length > 0) {
    out(
      "ecs_service_security_group_ids",
      byService(compute.services, (s) => s.securityGroupId),
      "Security group by ECS service",
    );
    out(
      "ecs_execution_role_arns",
      byService(compute.tasks, (t) => t.executionRole.roleArn),
      "Task execution role by ECS service (pulls its image, writes its logs)",
    );
  }
  if (Object.keys(compute.appRunnerServices).length > 0) {
    out(
      "apprunner_service_urls",
      byService(compute.appRunnerServices, (s) => s.serviceUrl),
      "App Runner default domain by service",
    );
    out(
      "apprunner_security_group_ids",
      byService(compute.appRunnerServices, (s) => s.securityGroupId),
      "Security group of each App Runner service's VPC connector",
    );
    // App Runner makes these itself when the service is created: Terraform cannot create or
    // import them in the same apply, so the README's step puts them under the data key.
    out(
      "apprunner_log_groups",
      byService(compute.appRunnerServices, (s) =>
        ["application", "service"].map((kind) => `/aws/apprunner/${s.serviceName}/${s.serviceId}/${kind}`),
      ),
      "Log groups App Runner creates for each service (its application and service logs): " +
        "set their key and retention after the first apply",
    );
  }
  out("app_subnet_ids", props.appSubnetIds, "Private app subnets (run one-off tasks here)");
  if (compute.loadBalancer) out("alb_dns_name", compute.loadBalancer.dnsName, "DNS name of the ALB (point the service's domain at it)");
  if (edge.distribution) {
    out("cloudfront_domain_name", edge.distribution.domainName, "CloudFront distribution's domain (point the site's domain at it)");
    out("cloudfront_distribution_id", edge.distribution.distributionId, "CloudFront distribution id (invalidations)");
  }
  if (edge.frontendBucket) out("frontend_bucket_name", edge.frontendBucket.bucketName, "Bucket of the static frontend");

  const db = data.database ?? data.cluster;
  if (db) {
    out("database_endpoint", db.endpointAddress, "Database host (the writer, for Aurora)");
    out("database_port", db.port, "Database port");
    out("database_name", db.connection.values.DATABASE_NAME, "Database created with the instance or cluster");
    out(
      "database_master_secret_arn",
      db.masterSecretArn,
      "ARN of the secret holding the master user's credentials (the ARN, not the value)",
    );
  }
  if (data.cluster) out("database_reader_endpoint", data.cluster.readerEndpointAddress, "Aurora reader endpoint");
  if (data.cache) {
    out("cache_endpoint", data.cache.primaryEndpointAddress, "Cache primary endpoint (TLS)");
    out("cache_port", data.cache.port, "Cache port");
    out("cache_auth_secret_arn", data.cache.authSecretArn, "ARN of the secret holding the cache's AUTH token (the ARN, not the value)");
  }
  out("alarm_topic_arn", props.alarmTopicArn, "SNS topic of alarms and security alerts");
  out("data_key_arn", props.dataKeyArn, "The environment's data key");
}
