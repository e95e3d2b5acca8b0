/**
 * CloudFront and the residency exceptions of one environment: the distribution's domain
 * and certificate source, its origins (frontend bucket, ALB), headers, geo restriction, its
 * CLOUDFRONT-scope web ACL and its logs; and which resources may live outside
 * allowedRegions because the config names them. Called by `resolve()`.
 */
import { PLATFORM_KEY_PURPOSES, resourceName } from "./naming";
import { CDN_DEFAULTS, WAF_DEFAULTS } from "./presets";
import type { AppSpec, EnvironmentName, Settings } from "./schema";

/** A host name and where its certificate comes from: an existing ARN, or DNS validation in `zone`. */
export interface ResolvedDomain {
  readonly name: string;
  /** Hosted zone name (edge.hostedZones): the alias record goes there, and the certificate is validated there unless `certificateArn`. */
  readonly zone?: string;
  readonly certificateArn?: string;
}

/** A Route 53 zone to look up, by id or by name. */
export interface ResolvedHostedZone {
  readonly name: string;
  readonly zoneId?: string;
}

/** A CLOUDFRONT-scope web ACL: its name and its log group (both in the control region). */
export interface ResolvedCdnWebAcl {
  readonly name: string;
  readonly logGroupName: string;
  /** The same rules as the regional web ACL: rate limit, then the managed groups in order. */
  readonly managedRuleGroups: readonly string[];
  readonly rateLimitPer5Min: number;
  readonly logRetentionDays: number;
  readonly redactedHeaders: readonly string[];
  /** Alias of the key of its log group in the control region, when that is not the environment's region. */
  readonly logKeyAlias: string;
}

/** The CloudFront distribution of an environment. */
export interface ResolvedCdn {
  /** `<app>-<env>-cdn`: comment, policy and delivery names. */
  readonly name: string;
  readonly domain: ResolvedDomain;
  /** us-east-1: certificate, CLOUDFRONT-scope web ACL, log delivery configuration. */
  readonly controlRegion: string;
  /** The private frontend bucket, the default origin. */
  readonly frontend?: { readonly bucketName: string; readonly defaultRootObject: string };
  /** The ALB origin: its host name and which paths reach it. */
  readonly alb?: {
    readonly originDomainName: string;
    /** With a frontend: the paths routed to the ALB (uncached); without: undefined (the ALB is the default origin). */
    readonly apiPathPatterns?: readonly string[];
    /** Without a frontend: cached static-asset paths of the ALB. */
    readonly staticPathPatterns: readonly string[];
  };
  readonly headers: {
    readonly contentSecurityPolicy: string;
    readonly hstsMaxAgeSeconds: number;
    readonly referrerPolicy: string;
  };
  readonly minimumProtocolVersion: string;
  readonly priceClass: string;
  readonly geoRestriction?: { readonly type: "whitelist" | "blacklist"; readonly countries: readonly string[] };
  readonly webAcl?: ResolvedCdnWebAcl;
  readonly policies: { readonly cachingOptimized: string; readonly cachingDisabled: string; readonly albOriginRequest: string };
  /** Key of the frontend and log buckets, `alias/<app>-<env>-edge`: it admits only this distribution and log delivery. */
  readonly keyAlias: string;
  /** Standard logging v2: delivery in the control region, objects in `bucketName` (primary region). */
  readonly logs: {
    readonly bucketName: string;
    readonly expirationDays: number;
    readonly suffixPath: string;
  };
}

/** A residency exception of the config, with the resource types it admits outside allowedRegions. */
export interface ResolvedResidencyException {
  readonly resource: string;
  readonly region: string;
  readonly holds: string;
  readonly reason: string;
  readonly resourceTypes: readonly string[];
}

/** The Terraform resource types each residency exception admits: exactly these, nothing else. */
export const RESIDENCY_EXCEPTION_TYPES: Readonly<Record<string, readonly string[]>> = {
  "cloudfront-certificate": ["aws_acm_certificate", "aws_acm_certificate_validation"],
  "cloudfront-web-acl": [
    "aws_wafv2_web_acl",
    "aws_wafv2_web_acl_logging_configuration",
    "aws_cloudwatch_log_group",
    "aws_cloudwatch_log_resource_policy",
    "aws_kms_key",
    "aws_kms_alias",
  ],
  "cloudfront-log-delivery": [
    "aws_cloudwatch_log_delivery_source",
    "aws_cloudwatch_log_delivery_destination",
    "aws_cloudwatch_log_delivery",
  ],
};

export function resolveResidencyExceptions(spec: AppSpec): ResolvedResidencyException[] {
  return (spec.residencyExceptions ?? []).map((e) => ({ ...e, resourceTypes: [...RESIDENCY_EXCEPTION_TYPES[e.resource]] }));
}

/** The zones this environment's domains name: each account looks up only its own. */
export function resolveHostedZones(spec: AppSpec, env: EnvironmentName): ResolvedHostedZone[] {
  const used = new Set([spec.edge?.alb?.domains?.[env]?.zone, spec.edge?.cdn?.domains[env]?.zone]);
  return (spec.edge?.hostedZones ?? []).filter((z) => used.has(z.name)).map((z) => ({ name: z.name, zoneId: z.zoneId }));
}

/**
 * What the regional and the CLOUDFRONT-scope web ACL share: the built-in managed rule
 * groups then the config's extras (each once, in that order), the rate limit, and how
 * their logs are kept.
 */
export function webAclRules(spec: AppSpec, settings: Settings) {
  const waf = spec.edge?.waf ?? {};
  return {
    managedRuleGroups: [...new Set([...WAF_DEFAULTS.managedRuleGroups, ...(waf.extraManagedRuleGroups ?? [])])],
    rateLimitPer5Min: waf.rateLimitPer5Min ?? WAF_DEFAULTS.rateLimitPer5Min,
    logRetentionDays: settings.logs.retentionDays,
    redactedHeaders: [...WAF_DEFAULTS.redactedHeaders],
  };
}

/** Whether the distribution gets its own CLOUDFRONT-scope web ACL: asked for, or by default when it fronts the ALB. */
export function cdnWantsWebAcl(spec: AppSpec): boolean {
  const cdn = spec.edge?.cdn;
  if (!cdn || spec.edge?.waf?.enabled === false) return false;
  return cdn.webAcl ?? cdn.alb ?? false;
}

/** The environment's distribution, when the config has one (checked by `edgeProblems`). */
export function resolveCdn(spec: AppSpec, env: EnvironmentName, settings: Settings, accountId: string): ResolvedCdn | undefined {
  const cdn = spec.edge?.cdn;
  if (!cdn) return undefined;
  const domain = cdn.domains[env];
  if (!domain) throw new Error(`resolve: ${env} has edge.cdn but no edge.cdn.domains.${env} (validateSpec reports this).`);
  const albDomain = spec.edge?.alb?.domains?.[env];
  if (cdn.alb && !albDomain) throw new Error(`resolve: edge.cdn.alb needs edge.alb.domains.${env} (validateSpec reports this).`);
  const geo = cdn.geoRestriction;
  const name = resourceName(spec.app, env, "cdn");
  return {
    name,
    domain: { ...domain },
    controlRegion: CDN_DEFAULTS.controlRegion,
    frontend: cdn.frontend
      ? { bucketName: `${resourceName(spec.app, env, "frontend")}-${accountId}`, defaultRootObject: CDN_DEFAULTS.defaultRootObject }
      : undefined,
    alb:
      cdn.alb && albDomain
        ? {
            originDomainName: albDomain.name,
            apiPathPatterns: cdn.frontend ? [...(cdn.apiPathPatterns ?? CDN_DEFAULTS.apiPathPatterns)] : undefined,
            staticPathPatterns: [...(cdn.staticPathPatterns ?? CDN_DEFAULTS.staticPathPatterns)],
          }
        : undefined,
    headers: {
      contentSecurityPolicy: cdn.contentSecurityPolicy ?? CDN_DEFAULTS.contentSecurityPolicy,
      hstsMaxAgeSeconds: CDN_DEFAULTS.hstsMaxAgeSeconds,
      referrerPolicy: CDN_DEFAULTS.referrerPolicy,
    },
    minimumProtocolVersion: CDN_DEFAULTS.minimumProtocolVersion,
    priceClass: cdn.priceClass ?? CDN_DEFAULTS.priceClass,
    geoRestriction: geo
      ? { type: geo.type, countries: [...new Set(geo.countries.flatMap((c) => (c === "EU" ? [...CDN_DEFAULTS.euCountries] : [c])))] }
      : undefined,
    webAcl: cdnWantsWebAcl(spec)
      ? {
          name: `${name}-waf`,
          logGroupName: `aws-waf-logs-${spec.app}-${env}-cdn`,
          ...webAclRules(spec, settings),
          logKeyAlias: `alias/${resourceName(spec.app, env, `${PLATFORM_KEY_PURPOSES.edge}-waf`)}`,
        }
      : undefined,
    policies: {
      cachingOptimized: CDN_DEFAULTS.cachingOptimizedPolicy,
      cachingDisabled: CDN_DEFAULTS.cachingDisabledPolicy,
      albOriginRequest: CDN_DEFAULTS.albOriginRequestPolicy,
    },
    keyAlias: `alias/${resourceName(spec.app, env, PLATFORM_KEY_PURPOSES.edge)}`,
    logs: {
      bucketName: `${resourceName(spec.app, env, "cdn-logs")}-${accountId}`,
      expirationDays: settings.storage.accessLogExpirationDays,
      suffixPath: CDN_DEFAULTS.logSuffixPath,
    },
  };
}
