/** CloudFront: scanner-rules.md §2.11. */
import { fail, notApplicable, pass, type Rule } from "../types";
import type { TfResource } from "../graph";
import { all, blocks, get, isFalse, isTrue, show } from "./helpers";
import { managedGroups } from "./elb";

const DIST = ["aws_cloudfront_distribution"];
const behaviors = (d: TfResource) => [...blocks(d.config.default_cache_behavior), ...blocks(d.config.ordered_cache_behavior)];
const TRIVY_TLS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

export const cloudfrontRules: Rule[] = [
  {
    id: "CKV_AWS_34",
    checkov: "CKV_AWS_34",
    trivy: ["AWS-0012", "aws-cloudfront-enforce-https"],
    severity: "high",
    resourceTypes: DIST,
    description: "No cache behavior allows viewer HTTP (viewer_protocol_policy allow-all).",
    fix: "Use redirect-to-https or https-only.",
    check: (d) => (behaviors(d).some((b) => b.viewer_protocol_policy === "allow-all") ? fail("a behavior allows HTTP") : pass),
  },
  {
    id: "CKV_AWS_174",
    checkov: "CKV_AWS_174",
    severity: "high",
    resourceTypes: DIST,
    description:
      "viewer_certificate is not the default *.cloudfront.net certificate and its " +
      "minimum_protocol_version matches TLSv1.2_<year> or TLSv1.3_<year> (TLSv1.2_2018 passes).",
    fix: 'Use an ACM certificate (us-east-1) with minimum_protocol_version = "TLSv1.2_2021".',
    check: (d) => {
      if (blocks(d.config.viewer_certificate).length === 0) return fail("no viewer_certificate");
      if (isTrue(get(d.config, "viewer_certificate.cloudfront_default_certificate"))) return fail("default *.cloudfront.net certificate");
      const v = get(d.config, "viewer_certificate.minimum_protocol_version");
      return typeof v === "string" && /^TLSv1\.(?:2|3)_\d{4}$/.test(v) ? pass : fail(`minimum_protocol_version ${show(v)}`);
    },
  },
  {
    id: "AWS-0013",
    trivy: ["AWS-0013", "aws-cloudfront-use-secure-tls-policy"],
    severity: "high",
    resourceTypes: DIST,
    description:
      "Trivy's half of CKV_AWS_174: unless the default certificate is used (not judged), " +
      "minimum_protocol_version is TLSv1.2_2021, TLSv1.2_2025 or TLSv1.3_2025.",
    fix: 'Set minimum_protocol_version = "TLSv1.2_2021" (or newer).',
    check: (d) => {
      if (isTrue(get(d.config, "viewer_certificate.cloudfront_default_certificate"))) return pass;
      const v = get(d.config, "viewer_certificate.minimum_protocol_version");
      return TRIVY_TLS.includes(String(v)) ? pass : fail(`minimum_protocol_version ${show(v)}`);
    },
  },
  {
    id: "CKV2_AWS_42",
    checkov: "CKV2_AWS_42",
    severity: "medium",
    resourceTypes: DIST,
    description: "viewer_certificate has an acm_certificate_arn or iam_certificate_id.",
    fix: "Attach an ACM certificate.",
    check: (d) =>
      get(d.config, "viewer_certificate.acm_certificate_arn") || get(d.config, "viewer_certificate.iam_certificate_id")
        ? pass
        : fail("no custom certificate"),
  },
  {
    id: "CKV_AWS_68",
    checkov: "CKV_AWS_68",
    trivy: ["AWS-0011", "aws-cloudfront-enable-waf"],
    severity: "high",
    resourceTypes: DIST,
    description: "web_acl_id is set (a CLOUDFRONT-scope WAFv2 ACL ARN).",
    fix: "Set web_acl_id to the us-east-1 web ACL's ARN.",
    check: (d) => (d.config.web_acl_id ? pass : fail("no WAF")),
  },
  {
    id: "CKV_AWS_86",
    checkov: "CKV_AWS_86",
    severity: "medium",
    resourceTypes: DIST,
    description: "logging_config.bucket is set (standard logging v2 is not recognised).",
    fix: "Set logging_config { bucket = <log bucket domain> }.",
    check: (d) => (get(d.config, "logging_config.bucket") ? pass : fail("access logging is off")),
  },
  {
    id: "AWS-0010",
    trivy: ["AWS-0010", "aws-cloudfront-enable-logging"],
    severity: "medium",
    resourceTypes: DIST,
    description:
      "Trivy's half of CKV_AWS_86: logging_config.bucket is set, or standard logging v2 is on " +
      "(an ACCESS_LOGS aws_cloudwatch_log_delivery_source of the distribution that an aws_cloudwatch_log_delivery uses).",
    fix: "Set logging_config { bucket = <log bucket domain> }, or deliver ACCESS_LOGS with a log delivery source and delivery.",
    check: (d, g) => {
      if (get(d.config, "logging_config.bucket")) return pass;
      const sources = g.referencing(d, "aws_cloudwatch_log_delivery_source").filter((src) => src.config.log_type === "ACCESS_LOGS");
      return sources.some((src) => g.referencing(src, "aws_cloudwatch_log_delivery").length > 0) ? pass : fail("access logging is off");
    },
  },
  {
    id: "CKV_AWS_305",
    checkov: "CKV_AWS_305",
    severity: "low",
    resourceTypes: DIST,
    description: "default_root_object is set.",
    fix: 'Set default_root_object = "index.html", or suppress for API-only origins.',
    check: (d) => (d.config.default_root_object ? pass : fail("no default root object")),
  },
  {
    id: "CKV_AWS_310",
    checkov: "CKV_AWS_310",
    severity: "low",
    resourceTypes: DIST,
    description: "An origin group with failover criteria and 2+ members exists.",
    fix: "Add an origin group, or suppress for single-origin distributions.",
    check: (d) => {
      const groups = blocks(d.config.origin_group);
      return groups.length > 0 && groups.every((og) => blocks(og.failover_criteria).length > 0 && blocks(og.member).length >= 2)
        ? pass
        : fail("no origin failover");
    },
  },
  {
    id: "CKV_AWS_374",
    checkov: "CKV_AWS_374",
    severity: "low",
    resourceTypes: DIST,
    description: "geo_restriction.restriction_type is not none.",
    fix: "Restrict to the countries you serve (GDPR: EU), or suppress.",
    check: (d) =>
      get(d.config, "restrictions.geo_restriction.restriction_type") === "none" ||
      !get(d.config, "restrictions.geo_restriction.restriction_type")
        ? fail("no geo restriction")
        : pass,
  },
  {
    id: "CKV2_AWS_32",
    checkov: "CKV2_AWS_32",
    severity: "medium",
    resourceTypes: DIST,
    description: "A response headers policy is referenced.",
    fix: "Set response_headers_policy_id to a security-headers policy.",
    check: (d, g) =>
      g.referencedBy(d, "aws_cloudfront_response_headers_policy").length > 0 ||
      JSON.stringify(d.config).includes("data.aws_cloudfront_response_headers_policy")
        ? pass
        : fail("no response headers policy"),
  },
  {
    id: "CKV_AWS_259",
    checkov: "CKV_AWS_259",
    severity: "medium",
    resourceTypes: ["aws_cloudfront_response_headers_policy"],
    description: "HSTS max-age >= 31536000 with includeSubDomains, preload and override.",
    fix: "Set strict_transport_security { access_control_max_age_sec = 31536000, include_subdomains = true, preload = true, override = true }.",
    check: (p) => {
      const h = get(p.config, "security_headers_config.strict_transport_security");
      return Number(get(h, "access_control_max_age_sec")) >= 31536000 &&
        isTrue(get(h, "include_subdomains")) &&
        isTrue(get(h, "preload")) &&
        isTrue(get(h, "override"))
        ? pass
        : fail("HSTS is missing or weak");
    },
  },
  {
    id: "CKV2_AWS_46",
    checkov: "CKV2_AWS_46",
    severity: "high",
    resourceTypes: DIST,
    description: "Origins of referenced S3 buckets use origin access control (or OAI).",
    fix: "Set origin_access_control_id on S3 origins.",
    check: (d, g) =>
      g.referencedBy(d, "aws_s3_bucket").length === 0
        ? notApplicable
        : blocks(d.config.origin).some((o) => o.origin_access_control_id || blocks(o.s3_origin_config).length > 0)
          ? pass
          : fail("S3 origin without OAC"),
  },
  {
    id: "CKV2_AWS_54",
    checkov: "CKV2_AWS_54",
    severity: "high",
    resourceTypes: DIST,
    description: "No custom origin allows SSLv3.",
    fix: 'origin_ssl_protocols = ["TLSv1.2"].',
    check: (d) =>
      all(d.config, "origin.custom_origin_config.origin_ssl_protocols").flat().includes("SSLv3") ? fail("SSLv3 to origin") : pass,
  },
  {
    id: "CKV2_AWS_72",
    checkov: "CKV2_AWS_72",
    severity: "high",
    resourceTypes: DIST,
    description:
      "An enabled distribution reaches no MediaStore, MediaPackage or ELB custom origin " +
      "(domain_name containing .mediastore., .mediapackage. or .elb.) without origin_protocol_policy https-only; " +
      "other domains are not judged, as in Checkov.",
    fix: 'Set origin_protocol_policy = "https-only" on every custom origin.',
    check: (d) => {
      if (isFalse(d.config.enabled)) return pass;
      const bad = blocks(d.config.origin).filter(
        (o) =>
          blocks(o.custom_origin_config).some((c) => c.origin_protocol_policy !== "https-only") &&
          /\.(mediastore|mediapackage|elb)\./.test(String(o.domain_name)),
      );
      return bad.length > 0 ? fail(`${bad.map((o) => String(o.domain_name)).join(", ")} reached without https-only`) : pass;
    },
  },
  {
    id: "CKV2_AWS_47",
    checkov: "CKV2_AWS_47",
    severity: "medium",
    resourceTypes: DIST,
    description:
      "A WAFv2 web ACL is connected to the distribution and includes AnonymousIpList and KnownBadInputs (no web ACL fails, as in Checkov).",
    fix: "Set web_acl_id to a WAFv2 web ACL with both managed groups.",
    check: (d, g) => {
      const acls = g.connected(d, "aws_wafv2_web_acl");
      if (acls.length === 0) return fail("no WAFv2 web ACL in this configuration protects the distribution");
      return acls.every(
        (a) =>
          managedGroups(a).includes("AWSManagedRulesAnonymousIpList") && managedGroups(a).includes("AWSManagedRulesKnownBadInputsRuleSet"),
      )
        ? pass
        : fail("the web ACL lacks AnonymousIpList or KnownBadInputs");
    },
  },
];
