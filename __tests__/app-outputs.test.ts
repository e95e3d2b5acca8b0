/** The app stack's Terraform outputs: stable names, the right attributes, never a secret value. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { App } from "cdktf";
import { resolve } from "../config/resolve";
import type { AppSpec } from "../config/schema";
import { AppStack } from "../stacks/app-stack";
import { baseSpec, synthStack, validSpec, type TfJson } from "./helpers";
import { exampleSpec } from "./examples/synthesize";

const root = join(__dirname, "..");
const prodApp = (spec: AppSpec): TfJson => synthStack(new AppStack(new App(), resolve(validSpec(spec), "prod")));
const example = (file: string) => prodApp(exampleSpec(file));
/** `${type.name.attr}` of a reference, e.g. `aws_lb.dns_name`. */
const target = (ref: unknown) => {
  const m = /^\$\{([a-z0-9_]+)\.[A-Za-z0-9_-]+\.([a-z_]+(?:\[0\]\.[a-z_]+)?)\}$/.exec(String(ref));
  if (!m) throw new Error(`not a reference: ${JSON.stringify(ref)}`);
  return `${m[1]}.${m[2]}`;
};
const mapTargets = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).map(([k, v]) => [k, target(v)]));

const ALWAYS = ["alarm_topic_arn", "app_subnet_ids", "data_key_arn"];

describe("app stack outputs", () => {
  const ecs = example("ecs-cdn-hipaa.json");
  const runner = example("apprunner-eu.json");
  const aurora = example("apprunner-aurora.json");

  it("has only the outputs of the parts a config has, under stable names", () => {
    expect(Object.keys(prodApp(baseSpec()).output!).sort()).toEqual(ALWAYS);
    expect(Object.keys(ecs.output!).sort()).toEqual(
      [
        ...ALWAYS,
        "alb_dns_name",
        "cache_auth_secret_arn",
        "cache_endpoint",
        "cache_port",
        "cloudfront_distribution_id",
        "cloudfront_domain_name",
        "database_endpoint",
        "database_master_secret_arn",
        "database_name",
        "database_port",
        "ecr_repository_urls",
        "ecs_cluster_name",
        "ecs_execution_role_arns",
        "ecs_service_security_group_ids",
      ].sort(),
    );
    expect(Object.keys(runner.output!)).toEqual(
      expect.arrayContaining(["apprunner_service_urls", "apprunner_security_group_ids", "frontend_bucket_name", "ecr_repository_urls"]),
    );
    // The log groups App Runner makes itself, named from the service's attributes.
    const attribute = (name: string) => `\\$\\{aws_apprunner_service\\.[\\w-]+\\.${name}\\}`;
    expect(runner.output!.apprunner_log_groups.value.api).toEqual(
      ["application", "service"].map((kind) =>
        expect.stringMatching(new RegExp(`^/aws/apprunner/${attribute("service_name")}/${attribute("service_id")}/${kind}$`)),
      ),
    );
    expect(Object.keys(runner.output!)).not.toContain("alb_dns_name");
    expect(Object.keys(runner.output!)).not.toContain("ecs_cluster_name");
    expect(Object.keys(aurora.output!)).toEqual(expect.arrayContaining(["database_endpoint", "database_reader_endpoint"]));
  });

  it("points each output at the attribute it names", () => {
    const o = ecs.output!;
    expect(mapTargets(o.ecr_repository_urls.value)).toEqual({ api: "aws_ecr_repository.repository_url" });
    expect(target(o.alb_dns_name.value)).toBe("aws_lb.dns_name");
    expect(target(o.cloudfront_domain_name.value)).toBe("aws_cloudfront_distribution.domain_name");
    expect(target(o.cloudfront_distribution_id.value)).toBe("aws_cloudfront_distribution.id");
    expect(target(o.database_endpoint.value)).toBe("aws_db_instance.address");
    expect(o.database_port.value).toBe(5432);
    expect(target(o.database_master_secret_arn.value)).toBe("aws_db_instance.master_user_secret[0].secret_arn");
    expect(target(o.cache_endpoint.value)).toBe("aws_elasticache_replication_group.primary_endpoint_address");
    expect(o.cache_port.value).toBe(6379);
    expect(target(o.cache_auth_secret_arn.value)).toBe("aws_secretsmanager_secret.arn");
    expect(target(o.alarm_topic_arn.value)).toBe("aws_sns_topic.arn");
    expect(target(o.ecs_cluster_name.value)).toBe("aws_ecs_cluster.name");
    expect(mapTargets(o.ecs_service_security_group_ids.value)).toEqual({ api: "aws_security_group.id" });
    expect(mapTargets(o.ecs_execution_role_arns.value)).toEqual({ api: "aws_iam_role.arn" });
    expect(o.app_subnet_ids.value.map(target)).toEqual(["aws_subnet.id", "aws_subnet.id", "aws_subnet.id"]);

    const r = runner.output!;
    expect(mapTargets(r.apprunner_service_urls.value)).toEqual({ api: "aws_apprunner_service.service_url" });
    expect(target(r.frontend_bucket_name.value)).toBe("aws_s3_bucket.bucket");
    expect(target(aurora.output!.database_endpoint.value)).toBe("aws_rds_cluster.endpoint");
    expect(target(aurora.output!.database_reader_endpoint.value)).toBe("aws_rds_cluster.reader_endpoint");
    expect(Object.keys(aurora.output!.apprunner_service_urls.value).sort()).toEqual(["api", "cms"]);
  });

  it("holds no secret value and nothing sensitive", () => {
    for (const tf of [ecs, runner, aurora]) {
      for (const [name, o] of Object.entries(tf.output!)) {
        expect([name, o.sensitive]).toEqual([name, undefined]);
        expect(typeof o.description).toBe("string");
        const text = JSON.stringify(o.value);
        expect([name, text]).not.toEqual([name, expect.stringMatching(/random_password|secret_string|secret_version|password|auth_token/)]);
      }
    }
  });

  it("README names every output", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    for (const name of new Set([...Object.keys(ecs.output!), ...Object.keys(runner.output!), ...Object.keys(aurora.output!)])) {
      expect([name, readme.includes(`\`${name}\``)]).toEqual([name, true]);
    }
  });
});
