/**
 * Checks of the services and the edge on a schema-valid spec: sizes Fargate or App Runner
 * runs, counts in order (App Runner: at most 25), names App Runner takes, secrets and grants
 * that name what the config declares, routing behind the ALB's listener, and a certificate for
 * the ALB in each environment's account and region.
 */
import { APPRUNNER_MAX_INSTANCES, apprunnerOffersCpu, apprunnerSizeProblem } from "./apprunner-sizes";
import { fargateOffersCpu, fargateSizeProblem } from "./fargate-sizes";
import type { Problem } from "./problems";
import { declaredEnvironments, settingsFor } from "./resolve";
import { resolveRouting, resolveServices, type ResolvedRouting } from "./resolve-services";
import type { AppSpec, EnvironmentName, ServiceSpec } from "./schema";

/** App Runner's limit on an auto scaling configuration name (service, connector: 40). */
const APPRUNNER_NAME_MAX = 32;

type SizeField = "cpu" | "memoryMb" | "desiredCount" | "minCount" | "maxCount";

/** Where a service's size field was written: its environment, its overrides, or the compute settings. */
function sizePath(spec: AppSpec, i: number, env: EnvironmentName, field: SizeField): string {
  const s = spec.services![i];
  if (s.environments?.[env]?.[field] !== undefined) return `services[${i}].environments.${env}.${field}`;
  if (s.overrides?.[field] !== undefined) return `services[${i}].overrides.${field}`;
  if (spec.overrides?.compute?.[field] !== undefined && spec.environments[env]?.overrides?.compute?.[field] === undefined)
    return `overrides.compute.${field}`;
  return `environments.${env}.overrides.compute.${field}`;
}

export function serviceProblems(spec: AppSpec): Problem[] {
  const services = spec.services ?? [];
  if (services.length === 0) return [];
  const problems: Problem[] = [...referenceProblems(spec, services), ...routingProblems(spec), ...edgeProblems(spec, services)];
  for (const env of declaredEnvironments(spec)) {
    resolveServices(spec, env, settingsFor(spec, env)).forEach((s, i) => {
      const path = (field: SizeField) => sizePath(spec, i, env, field);
      const size = (s.kind === "apprunner" ? apprunnerSizeProblem : fargateSizeProblem)(s.cpu, s.memoryMb);
      // Blame the CPU value when nothing runs it; else memory where the service chose it, else the CPU value.
      const offersCpu = (s.kind === "apprunner" ? apprunnerOffersCpu : fargateOffersCpu)(s.cpu);
      const own = services[i].environments?.[env]?.memoryMb ?? services[i].overrides?.memoryMb;
      if (size) problems.push({ path: path(offersCpu && own !== undefined ? "memoryMb" : "cpu"), message: `${env}: ${size}` });
      if (s.kind === "apprunner" && s.maxCount > APPRUNNER_MAX_INSTANCES) {
        problems.push({
          path: path("maxCount"),
          message: `${env}: App Runner scales to at most ${APPRUNNER_MAX_INSTANCES} instances (got ${s.maxCount})`,
        });
      }
      if (s.kind === "apprunner" && s.resourceName.length > APPRUNNER_NAME_MAX) {
        problems.push({
          path: `services[${i}].name`,
          message:
            `${env}: App Runner names its scaling configuration ${s.resourceName}, ` +
            `over ${APPRUNNER_NAME_MAX} characters; shorten the service name`,
        });
      }
      if (s.minCount > s.maxCount)
        problems.push({ path: path("minCount"), message: `${env}: minCount ${s.minCount} is above maxCount ${s.maxCount}` });
      else if (s.desiredCount < s.minCount || s.desiredCount > s.maxCount) {
        problems.push({
          path: path("desiredCount"),
          message: `${env}: desiredCount ${s.desiredCount} must be within minCount ${s.minCount} and maxCount ${s.maxCount}`,
        });
      }
    });
  }
  return problems;
}

/** Secrets, buckets, keys, database and cache a service names must be declared. */
function referenceProblems(spec: AppSpec, services: readonly ServiceSpec[]): Problem[] {
  const problems: Problem[] = [];
  const declared = (list: readonly { name?: string; purpose?: string }[] | undefined, key: "name" | "purpose") =>
    new Set((list ?? []).map((x) => x[key]));
  const secrets = declared(spec.secrets, "name");
  const buckets = declared(spec.buckets, "name");
  const keys = declared(spec.keys, "purpose");
  const list = (set: Set<string | undefined>) => (set.size > 0 ? [...set].join(", ") : "none");
  services.forEach((s, i) => {
    for (const [variable, secret] of Object.entries(s.secrets ?? {})) {
      if (!secrets.has(secret))
        problems.push({
          path: `services[${i}].secrets.${variable}`,
          message: `names secret "${secret}", which secrets does not declare (declared: ${list(secrets)})`,
        });
      if (s.environment?.[variable] !== undefined)
        problems.push({ path: `services[${i}].environment.${variable}`, message: `is also a secret of this service; set it in one place` });
    }
    (s.grants?.buckets ?? []).forEach((b, j) => {
      if (!buckets.has(b.name))
        problems.push({
          path: `services[${i}].grants.buckets[${j}].name`,
          message: `names bucket "${b.name}", which buckets does not declare (declared: ${list(buckets)})`,
        });
    });
    (s.grants?.keys ?? []).forEach((k, j) => {
      if (!keys.has(k))
        problems.push({
          path: `services[${i}].grants.keys[${j}]`,
          message: `names key "${k}", which keys does not declare (declared: ${list(keys)})`,
        });
    });
    // A grant brings its connection settings (DATABASE_*, REDIS_*): a variable of the same
    // prefix would silently replace one of them, or be replaced.
    for (const [granted, prefix] of [
      [s.grants?.database, "DATABASE_"],
      [s.grants?.cache, "REDIS_"],
    ] as const) {
      if (!granted) continue;
      for (const field of ["environment", "secrets"] as const) {
        for (const variable of Object.keys(s[field] ?? {}).filter((v) => v.startsWith(prefix))) {
          problems.push({
            path: `services[${i}].${field}.${variable}`,
            message: `${prefix}* variables come from the ${prefix === "REDIS_" ? "cache" : "database"} grant; rename this one or drop it`,
          });
        }
      }
    }
    if (s.grants?.database && !spec.database)
      problems.push({ path: `services[${i}].grants.database`, message: "the config has no database; declare one or drop the grant" });
    if (s.grants?.cache && !spec.cache)
      problems.push({ path: `services[${i}].grants.cache`, message: "the config has no cache; declare one or drop the grant" });
  });
  return problems;
}

/**
 * The ALB serves HTTPS only, so every environment needs a certificate in its own account
 * and region; and its listener must know where each request goes (`routingProblems`).
 */
function edgeProblems(spec: AppSpec, services: readonly ServiceSpec[]): Problem[] {
  if (!services.some((s) => s.kind === "ecs")) return [];
  const problems: Problem[] = [];
  for (const env of declaredEnvironments(spec)) {
    const domain = spec.edge?.alb?.domains?.[env];
    const listed = spec.edge?.alb?.certificateArns?.[env];
    if (domain?.certificateArn && listed) {
      problems.push({
        path: `edge.alb.domains.${env}.certificateArn`,
        message: `edge.alb.certificateArns.${env} names a certificate too; keep one`,
      });
    }
    const arn = domain?.certificateArn ?? listed;
    const path = domain?.certificateArn ? `edge.alb.domains.${env}.certificateArn` : `edge.alb.certificateArns.${env}`;
    if (!arn) {
      if (domain?.zone) continue; // DNS-validated in the zone (checked by edgeConfigProblems)
      problems.push({
        path,
        message:
          `${env}: HTTPS needs a certificate; give the ARN of an ACM certificate in ${env}'s account and region, or ` +
          `edge.alb.domains.${env} with a zone to validate one in`,
      });
      continue;
    }
    const [, , , region, account] = arn.split(":");
    const e = spec.environments[env]!;
    const wantRegion = e.region ?? spec.primaryRegion;
    if (account !== e.accountId) problems.push({ path, message: `is in account ${account}; ${env} deploys to ${e.accountId}` });
    if (region !== wantRegion) problems.push({ path, message: `is in ${region}; ${env}'s ALB is in ${wantRegion}` });
  }
  return problems;
}

/**
 * Routing behind the one HTTPS listener: App Runner services keep theirs for a switch to ECS
 * but have their own endpoint (it is not checked), exactly one ECS service is the default, every other one has patterns, no two services
 * claim the same host and path, rule priorities are unique, and a rule holds at most 5
 * values (the ALB's limit per rule).
 */
function routingProblems(spec: AppSpec): Problem[] {
  const problems: Problem[] = [];
  const resolved = resolveRouting(spec);
  const ecs = resolved.map((r, i) => ({ r, i })).filter((x): x is { r: ResolvedRouting; i: number } => x.r !== undefined);
  const defaults = ecs.filter(({ r }) => r.default);
  if (defaults.length === 0 && ecs.length > 0) {
    problems.push({
      path: `services[${ecs[0].i}].routing.default`,
      message: "no ECS service is the default: set routing.default on the one that gets every request no other rule matches",
    });
  }
  for (const { i } of defaults.slice(1)) {
    problems.push({
      path: `services[${i}].routing.default`,
      message: `services[${defaults[0].i}] is already the default service; the listener has one default action`,
    });
  }
  const claimed = new Map<string, number>();
  const priorities = new Map<number, number>();
  for (const { r, i } of ecs) {
    const routed = r.pathPatterns.length > 0 || r.hostHeaders.length > 0;
    if (r.default && routed) {
      problems.push({
        path: `services[${i}].routing`,
        message: "the default service gets every request no rule matches; drop its pathPatterns and hostHeaders (or default)",
      });
      continue;
    }
    if (!r.default && !routed) {
      problems.push({
        path: `services[${i}].routing`,
        message: "reaches no request: give it pathPatterns or hostHeaders, or make it the default",
      });
      continue;
    }
    if (r.default) continue;
    const values = r.pathPatterns.length + r.hostHeaders.length;
    if (values > RULE_VALUES_MAX) {
      problems.push({
        path: `services[${i}].routing`,
        message: `an ALB rule takes at most ${RULE_VALUES_MAX} path and host values together (got ${values})`,
      });
    }
    const hosts = r.hostHeaders.length > 0 ? r.hostHeaders : ["*"];
    const paths = r.pathPatterns.length > 0 ? r.pathPatterns : ["/*"];
    paths.forEach((path, j) => {
      for (const host of hosts) {
        const key = `${host.toLowerCase()} ${path}`;
        const other = claimed.get(key);
        if (other !== undefined && other !== i) {
          problems.push({
            path: r.pathPatterns.length > 0 ? `services[${i}].routing.pathPatterns[${j}]` : `services[${i}].routing.hostHeaders`,
            message: `services[${other}] already gets ${path}${host === "*" ? "" : ` on ${host}`} behind the same listener`,
          });
        } else claimed.set(key, i);
      }
    });
    const samePriority = priorities.get(r.priority);
    if (samePriority !== undefined) {
      problems.push({
        path: `services[${i}].routing.priority`,
        message: `priority ${r.priority} is services[${samePriority}]'s too; listener rule priorities are unique`,
      });
    } else priorities.set(r.priority, i);
  }
  return problems;
}

/** Condition values one ALB listener rule takes (path and host patterns together). */
const RULE_VALUES_MAX = 5;
