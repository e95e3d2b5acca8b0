/** ECS Fargate: scanner-rules.md §2.8. Container definitions are read from their JSON string. */
import { fail, notApplicable, pass, unknown, type Rule, type Verdict } from "../types";
import type { TfResource } from "../graph";
import { blocks, get, isTrue, looksLikeSecretName } from "./helpers";

const TASK = ["aws_ecs_task_definition"];
type Container = Record<string, unknown>;

function containers(r: TfResource): Container[] | undefined {
  const raw = r.config.container_definitions;
  if (Array.isArray(raw)) return raw as Container[];
  if (typeof raw !== "string" || raw.trim().startsWith("${")) return undefined;
  try {
    const parsed = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function everyContainer(r: TfResource, bad: (c: Container) => string | undefined): Verdict {
  const list = containers(r);
  if (!list) return unknown("container_definitions is not readable JSON");
  const problems = list.map((c) => bad(c)).filter((p): p is string => !!p);
  return problems.length ? fail(problems.join("; ")) : pass;
}


export const ecsRules: Rule[] = [
  {
    id: "CKV_AWS_65", checkov: "CKV_AWS_65", trivy: ["AWS-0034", "aws-ecs-enable-container-insight"], severity: "low", resourceTypes: ["aws_ecs_cluster"],
    description: "A setting containerInsights = enabled or enhanced.", fix: "Add setting { name = \"containerInsights\", value = \"enhanced\" }.",
    check: (r) => (blocks(r.config.setting).some((s) => s.name === "containerInsights" && ["enabled", "enhanced"].includes(String(s.value))) ? pass : fail("Container Insights is off")),
  },
  {
    id: "CKV_AWS_223", checkov: "CKV_AWS_223", severity: "medium", resourceTypes: ["aws_ecs_cluster"],
    description: "ECS Exec logging is not NONE.", fix: "Set execute_command_configuration.logging = \"OVERRIDE\" or \"DEFAULT\".",
    check: (r) => (get(r.config, "configuration.execute_command_configuration.logging") === "NONE" ? fail("ECS Exec sessions are not logged") : pass),
  },
  {
    id: "CKV_AWS_224", checkov: "CKV_AWS_224", severity: "medium", resourceTypes: ["aws_ecs_cluster"],
    description: "ECS Exec configuration has a kms_key_id and encrypted CloudWatch or S3 logging.", fix: "Set kms_key_id and log_configuration.cloud_watch_encryption_enabled = true.",
    check: (r) => {
      const exec = get(r.config, "configuration.execute_command_configuration");
      if (exec === undefined) return notApplicable;
      const lc = get(exec, "log_configuration");
      return get(exec, "kms_key_id") && (isTrue(get(lc, "cloud_watch_encryption_enabled")) || isTrue(get(lc, "s3_bucket_encryption_enabled"))) ? pass : fail("ECS Exec sessions are not encrypted");
    },
  },
  { id: "CKV_AWS_336", checkov: "CKV_AWS_336", severity: "medium", resourceTypes: TASK, description: "Every container has readonlyRootFilesystem = true.", fix: "Set readonlyRootFilesystem and mount a volume for /tmp.", check: (r) => everyContainer(r, (c) => (c.readonlyRootFilesystem === true ? undefined : `${c.name}: root filesystem is writable`)) },
  { id: "CKV_AWS_334", checkov: "CKV_AWS_334", severity: "high", resourceTypes: TASK, description: "No container runs privileged (Checkov reads the key `privilege`; we also check `privileged`).", fix: "Remove privileged.", check: (r) => everyContainer(r, (c) => (c.privileged === true || c.privilege === true ? `${c.name}: privileged` : undefined)) },
  { id: "CKV_AWS_335", checkov: "CKV_AWS_335", severity: "high", resourceTypes: TASK, description: "No container uses pidMode host.", fix: "Remove pidMode.", check: (r) => (r.config.pid_mode === "host" ? fail("pid_mode is host") : everyContainer(r, (c) => (c.pidMode === "host" ? `${c.name}: pidMode host` : undefined))) },
  {
    id: "CKV_AWS_97", checkov: "CKV_AWS_97", trivy: ["AWS-0035", "aws-ecs-enable-in-transit-encryption"], severity: "high", resourceTypes: TASK,
    description: "Every EFS volume has transit_encryption = ENABLED.", fix: "Set efs_volume_configuration.transit_encryption = \"ENABLED\".",
    check: (r) => (blocks(r.config.volume).every((v) => blocks(v.efs_volume_configuration).every((e) => e.transit_encryption === "ENABLED")) ? pass : fail("an EFS volume is mounted without TLS")),
  },
  { id: "CKV_AWS_249", checkov: "CKV_AWS_249", severity: "medium", resourceTypes: TASK, description: "execution_role_arn differs from task_role_arn.", fix: "Give the task its own role, separate from the execution role.", check: (r) => (r.config.execution_role_arn && r.config.execution_role_arn === r.config.task_role_arn ? fail("task and execution role are the same") : pass) },
  {
    id: "AWS-0036", trivy: ["AWS-0036", "aws-ecs-no-plaintext-secrets"], severity: "critical", resourceTypes: TASK,
    description: "No environment variable whose name contains password, secret, private_key, token, api_key or AWS key names (token_type*/version* allowed).",
    fix: "Pass secrets through `secrets[].valueFrom` and keep those words out of environment variable names.",
    check: (r) => everyContainer(r, (c) => {
      const names = blocks(c.environment).map((e) => String(e.name ?? ""));
      const bad = names.filter(looksLikeSecretName);
      return bad.length ? `${c.name}: environment ${bad.join(", ")} looks like a secret` : undefined;
    }),
  },
  { id: "CKV_AWS_332", checkov: "CKV_AWS_332", severity: "low", resourceTypes: ["aws_ecs_service"], description: "Fargate services run platform_version LATEST (or unset).", fix: "Remove platform_version or set LATEST.", check: (r) => (r.config.launch_type !== "FARGATE" ? notApplicable : r.config.platform_version === undefined || r.config.platform_version === "LATEST" ? pass : fail(`platform_version ${r.config.platform_version}`)) },
  { id: "CKV_AWS_333", checkov: "CKV_AWS_333", severity: "high", resourceTypes: ["aws_ecs_service"], description: "network_configuration.assign_public_ip is not true.", fix: "Run tasks in private subnets with assign_public_ip = false.", check: (r) => (isTrue(get(r.config, "network_configuration.assign_public_ip")) ? fail("tasks get public IPs") : pass) },
];
