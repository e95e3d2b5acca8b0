/**
 * Checks of CloudFront, the domains and their certificate sources, and the residency
 * exceptions, on a schema-valid spec: every environment has a domain with a certificate
 * source, zones named exist and hold the name, CloudFront's certificates are in us-east-1,
 * and nothing is placed outside allowedRegions unless a residency exception names it.
 */
import { CDN_DEFAULTS } from "./presets";
import type { Problem } from "./problems";
import { declaredEnvironments } from "./resolve";
import { cdnWantsWebAcl } from "./resolve-edge";
import type { AppSpec, DomainSpec, EnvironmentName } from "./schema";
import type { z } from "zod";

type Domain = z.infer<typeof DomainSpec>;

export function edgeConfigProblems(spec: AppSpec): Problem[] {
  return [...domainProblems(spec), ...cdnProblems(spec), ...residencyExceptionProblems(spec)];
}

/** Zones exist and hold the names that use them; a domain has a certificate source. */
function domainProblems(spec: AppSpec): Problem[] {
  const problems: Problem[] = [];
  const zones = (spec.edge?.hostedZones ?? []).map((z) => z.name);
  zones.forEach((z, i) => {
    if (zones.indexOf(z) !== i) problems.push({ path: `edge.hostedZones[${i}].name`, message: `duplicate zone "${z}"` });
  });
  const check = (d: Domain | undefined, path: string, needsSource: boolean) => {
    if (!d) return;
    if (d.zone !== undefined) {
      if (!zones.includes(d.zone)) {
        problems.push({
          path: `${path}.zone`,
          message: `names zone "${d.zone}", which edge.hostedZones does not declare (declared: ${zones.join(", ") || "none"})`,
        });
      } else if (d.name !== d.zone && !d.name.endsWith(`.${d.zone}`)) {
        problems.push({ path: `${path}.name`, message: `"${d.name}" is not in zone "${d.zone}"` });
      }
    }
    if (needsSource && d.zone === undefined && d.certificateArn === undefined) {
      problems.push({
        path,
        message: "HTTPS needs a certificate source: give certificateArn (an existing ACM certificate) or zone (DNS validation)",
      });
    }
  };
  const named = new Map<string, string>();
  for (const env of declaredEnvironments(spec)) {
    // The ALB may take its certificate from certificateArns; CloudFront only from its domain.
    check(spec.edge?.alb?.domains?.[env], `edge.alb.domains.${env}`, false);
    check(spec.edge?.cdn?.domains[env], `edge.cdn.domains.${env}`, true);
    for (const [domain, path] of [
      [spec.edge?.alb?.domains?.[env], `edge.alb.domains.${env}`],
      [spec.edge?.cdn?.domains[env], `edge.cdn.domains.${env}`],
    ] as const) {
      if (!domain) continue;
      const first = named.get(domain.name);
      if (first) {
        problems.push({
          path: `${path}.name`,
          message: `"${domain.name}" is already the name at ${first}: one DNS name points at one endpoint; give each its own`,
        });
      } else named.set(domain.name, path);
    }
  }
  return problems;
}

function cdnProblems(spec: AppSpec): Problem[] {
  const cdn = spec.edge?.cdn;
  if (!cdn) return [];
  const problems: Problem[] = [];
  if (!cdn.frontend && !cdn.alb) problems.push({ path: "edge.cdn", message: "has no origin: set frontend, alb or both to true" });
  const hasEcs = (spec.services ?? []).some((s) => s.kind === "ecs");
  if (cdn.alb && !hasEcs) problems.push({ path: "edge.cdn.alb", message: "there is no ALB: no service has kind ecs" });
  if (cdn.alb && hasEcs && cdn.webAcl === false && spec.edge?.waf?.enabled !== false) {
    problems.push({
      path: "edge.cdn.webAcl",
      message:
        "CloudFront fronts the ALB, so the ALB's own web ACL would see only CloudFront's addresses (rate limit, IP reputation): " +
        "keep the web ACL on the distribution, or turn the WAF off with edge.waf.enabled false",
    });
  }
  for (const env of declaredEnvironments(spec)) {
    const d = cdn.domains[env];
    if (!d) {
      problems.push({ path: `edge.cdn.domains.${env}`, message: `${env}: CloudFront needs a host name and a certificate source` });
    } else if (d.certificateArn) problems.push(...cdnCertificateProblems(spec, env, d.certificateArn));
    if (cdn.alb && hasEcs && !spec.edge?.alb?.domains?.[env]) {
      problems.push({
        path: `edge.alb.domains.${env}`,
        message: `${env}: CloudFront connects to the ALB by host name, and the ALB's certificate must cover it; give the name`,
      });
    }
  }
  return problems;
}

function cdnCertificateProblems(spec: AppSpec, env: EnvironmentName, arn: string): Problem[] {
  const [, , , region, account] = arn.split(":");
  const path = `edge.cdn.domains.${env}.certificateArn`;
  const problems: Problem[] = [];
  if (region !== CDN_DEFAULTS.controlRegion)
    problems.push({ path, message: `is in ${region}; CloudFront takes certificates from ${CDN_DEFAULTS.controlRegion} only` });
  const accountId = spec.environments[env]?.accountId;
  if (account !== accountId) problems.push({ path, message: `is in account ${account}; ${env} deploys to ${accountId}` });
  return problems;
}

/**
 * What the config places in us-east-1 for CloudFront, by residency exception name, and the
 * config path that asks for it.
 */
function placedOutside(spec: AppSpec): Map<string, string> {
  const cdn = spec.edge?.cdn;
  const placed = new Map<string, string>();
  if (!cdn || spec.allowedRegions.includes(CDN_DEFAULTS.controlRegion)) return placed;
  placed.set("cloudfront-certificate", "edge.cdn.domains");
  placed.set("cloudfront-log-delivery", "edge.cdn");
  if (cdnWantsWebAcl(spec)) placed.set("cloudfront-web-acl", cdn.webAcl !== undefined ? "edge.cdn.webAcl" : "edge.cdn.alb");
  return placed;
}

function residencyExceptionProblems(spec: AppSpec): Problem[] {
  const problems: Problem[] = [];
  const list = spec.residencyExceptions ?? [];
  const placed = placedOutside(spec);
  const named = new Set(list.map((e) => e.resource));
  for (const [resource, path] of placed) {
    if (named.has(resource as (typeof list)[number]["resource"])) continue;
    problems.push({
      path,
      message:
        `puts ${resource} in ${CDN_DEFAULTS.controlRegion}, outside allowedRegions (${spec.allowedRegions.join(", ")}): ` +
        `add residencyExceptions entry { "resource": "${resource}", "region": "${CDN_DEFAULTS.controlRegion}", ` +
        `"holds": ..., "reason": ... }` +
        (resource === "cloudfront-web-acl" ? ", or set edge.cdn.webAcl to false and keep the WAF on the regional resource" : ""),
    });
  }
  list.forEach((e, i) => {
    if (list.findIndex((x) => x.resource === e.resource) !== i)
      problems.push({ path: `residencyExceptions[${i}].resource`, message: `duplicate exception "${e.resource}"` });
    if (e.region !== CDN_DEFAULTS.controlRegion)
      problems.push({
        path: `residencyExceptions[${i}].region`,
        message: `AWS places ${e.resource} in ${CDN_DEFAULTS.controlRegion}, not ${e.region}`,
      });
    else if (!placed.has(e.resource))
      problems.push({
        path: `residencyExceptions[${i}]`,
        message: spec.allowedRegions.includes(e.region)
          ? `${e.region} is in allowedRegions: the exception is not needed; drop it`
          : `names ${e.resource}, which this config does not create; drop it`,
      });
  });
  return problems;
}
