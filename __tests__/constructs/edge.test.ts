/** CloudFront, certificates, the ALB locked to CloudFront, and residency exceptions, on synthesized JSON. */
import { validateSpec } from "../../config/validate";
import { blocking } from "../../guardrails/engine";
import { evaluateStack } from "../../guardrails/enforce";
import { residencyRules } from "../../guardrails/rules/residency";
import { TfGraph } from "../../guardrails/graph";
import { buildInMemory, buildWithAspects, builtStack, onlyResource, resourcesOfType, validSpec, type TfJson } from "../helpers";
import { exampleSpec, rawExample } from "../examples/synthesize";

function build(file: string) {
  const built = buildWithAspects(exampleSpec(file));
  const guarded = (id: string) => builtStack(built, id);
  const tf = (id: string) => guarded(id).stack.toTerraform() as TfJson;
  return { built, guarded, tf };
}

describe("R4: CloudFront in front of the ALB", () => {
  const { tf } = build("ecs-cdn-hipaa.json");
  const prod = tf("mediflow-prod-app");
  const d = onlyResource(prod, "aws_cloudfront_distribution");
  const alb = d.origin.find((o: any) => o.origin_id === "alb");

  it("reaches the ALB by its host name over HTTPS only, with a secret header that is a reference, never a literal", () => {
    expect(alb.domain_name).toBe("origin.mediflow.example.com");
    expect(alb.custom_origin_config).toMatchObject({ origin_protocol_policy: "https-only", origin_ssl_protocols: ["TLSv1.2"] });
    expect(alb.custom_header).toEqual([
      { name: "X-Origin-Verify", value: expect.stringMatching(/^\$\{random_password\.[^}]+\.result\}$/) },
    ]);
    const secret = resourcesOfType(prod, "random_password").filter((p) => p.length === 48);
    expect(secret).toEqual([expect.objectContaining({ special: false })]);
  });

  it("the ALB admits 443 only from CloudFront's origin-facing prefix list and forwards only with the header", () => {
    const header = alb.custom_header[0].value;
    const prefixList = Object.entries(prod.data!.aws_ec2_managed_prefix_list as Record<string, any>);
    expect(prefixList.map(([, v]) => v.name)).toEqual(["com.amazonaws.global.cloudfront.origin-facing"]);
    const albGroup = onlyResource(prod, "aws_lb").security_groups[0];
    const ingress = resourcesOfType(prod, "aws_vpc_security_group_ingress_rule").filter((r) => r.security_group_id === albGroup);
    expect(ingress).toEqual([
      expect.objectContaining({ prefix_list_id: `\${data.aws_ec2_managed_prefix_list.${prefixList[0][0]}.id}`, from_port: 443 }),
    ]);
    const https = resourcesOfType(prod, "aws_lb_listener").find((l) => l.port === 443)!;
    expect(https.default_action).toEqual([expect.objectContaining({ type: "fixed-response" })]);
    expect(https.default_action[0].fixed_response.status_code).toBe("403");
    const rule = onlyResource(prod, "aws_lb_listener_rule");
    expect(rule.condition).toEqual([{ http_header: { http_header_name: "X-Origin-Verify", values: [header] } }]);
    expect(rule.action[0].type).toBe("forward");
  });

  it("the ALB's certificate covers the origin name (DNS-validated in its zone) and an alias record points the name at it", () => {
    const cert = resourcesOfType(prod, "aws_acm_certificate").find((c) => c.domain_name === "origin.mediflow.example.com")!;
    expect(cert).toMatchObject({ validation_method: "DNS" });
    expect(cert.region).toBeUndefined(); // the ALB's region
    expect(resourcesOfType(prod, "aws_route53_record").some((r) => r.name === "origin.mediflow.example.com" && r.alias)).toBe(true);
  });

  it("refuses one DNS name for both the distribution and the ALB (two alias records of one name)", () => {
    const spec = rawExample("ecs-cdn-hipaa.json");
    spec.edge.cdn.domains.prod.name = spec.edge.alb.domains.prod.name;
    const result = validateSpec(spec);
    expect(result.ok ? [] : result.problems).toEqual([
      {
        path: "edge.cdn.domains.prod.name",
        message:
          '"origin.mediflow.example.com" is already the name at edge.alb.domains.prod: ' +
          "one DNS name points at one endpoint; give each its own",
      },
    ]);
  });

  it("without staticPathPatterns (the preset) nothing of the ALB is cached: one uncached behavior, no caching policy looked up", () => {
    const spec = rawExample("ecs-cdn-hipaa.json");
    delete spec.$schema;
    delete spec.edge.cdn.staticPathPatterns;
    const built = buildInMemory(validSpec(spec), { attachGuardrails: false });
    const t = builtStack(built, "mediflow-prod-app").stack.toTerraform() as TfJson;
    const dist = onlyResource(t, "aws_cloudfront_distribution");
    expect(dist.ordered_cache_behavior ?? []).toEqual([]);
    expect(Object.values(t.data!.aws_cloudfront_cache_policy as any).map((p: any) => p.name)).toEqual(["Managed-CachingDisabled"]);
    expect(dist.default_cache_behavior.allowed_methods).toContain("POST");
  });

  it("caches only the static paths R4 names (/static/*, /assets/*): the API passes uncached with every viewer header but Host", () => {
    const policyName = (ref: string) => {
      const name = /data\.aws_cloudfront_cache_policy\.([^.]+)\.id/.exec(ref)![1];
      return (prod.data!.aws_cloudfront_cache_policy as any)[name].name;
    };
    expect(policyName(d.default_cache_behavior.cache_policy_id)).toBe("Managed-CachingDisabled");
    expect(d.default_cache_behavior.allowed_methods).toContain("POST");
    expect(d.ordered_cache_behavior.map((b: any) => [b.path_pattern, policyName(b.cache_policy_id)])).toEqual([
      ["/static/*", "Managed-CachingOptimized"],
      ["/assets/*", "Managed-CachingOptimized"],
    ]);
    expect(Object.values(prod.data!.aws_cloudfront_origin_request_policy as any).map((p: any) => p.name)).toEqual([
      "Managed-AllViewerExceptHostHeader",
    ]);
  });

  it("the WAF is the CLOUDFRONT-scope web ACL on the distribution; no regional ACL sees only CloudFront's addresses", () => {
    const acl = onlyResource(prod, "aws_wafv2_web_acl");
    expect(acl).toMatchObject({ scope: "CLOUDFRONT", name: "mediflow-prod-cdn-waf" });
    expect(d.web_acl_id).toMatch(/^\$\{aws_wafv2_web_acl\.[^}]+\.arn\}$/);
    expect(resourcesOfType(prod, "aws_wafv2_web_acl_association")).toEqual([]);
    expect(d.viewer_certificate).toMatchObject({ minimum_protocol_version: "TLSv1.2_2021", ssl_support_method: "sni-only" });
    expect(d.default_cache_behavior.viewer_protocol_policy).toBe("redirect-to-https");
  });
});

describe("several services behind the ALB that CloudFront fronts", () => {
  it("every path rule requires the origin header too, and the catch-all header rule comes after them", () => {
    const spec = rawExample("ecs-cdn-hipaa.json");
    delete spec.$schema;
    spec.services[0].routing = { default: true };
    spec.services.push({
      name: "admin",
      kind: "ecs",
      imageTag: "1.0.0",
      port: 8081,
      healthCheckPath: "/health",
      routing: { pathPatterns: ["/admin/*"] },
    });
    const prod = builtStack(buildWithAspects(validSpec(spec)), "mediflow-prod-app").stack.toTerraform() as TfJson;
    const header = onlyResource(prod, "aws_cloudfront_distribution").origin.find((o: any) => o.origin_id === "alb").custom_header[0];
    const rules = resourcesOfType(prod, "aws_lb_listener_rule");
    expect(rules).toHaveLength(2);
    for (const rule of rules) {
      expect(rule.condition).toContainEqual({ http_header: { http_header_name: header.name, values: [header.value] } });
    }
    const admin = rules.find((r) => r.condition.some((c: any) => c.path_pattern))!;
    const catchAll = rules.find((r) => r !== admin)!;
    expect(admin.condition).toContainEqual({ path_pattern: { values: ["/admin/*"] } });
    expect(admin.priority).toBeLessThan(catchAll.priority);
    expect(catchAll.condition).toHaveLength(1);
  });
});

describe("R1: the frontend bucket behind CloudFront, residency preserved", () => {
  const { tf, guarded } = build("apprunner-eu.json");
  const prod = tf("orthosense-prod-app");
  const d = onlyResource(prod, "aws_cloudfront_distribution");
  const distArn = (addr: string) => `\${aws_cloudfront_distribution.${addr}.arn}`;
  const dAddr = Object.keys(prod.resource!.aws_cloudfront_distribution)[0];

  it("lets only this distribution's log delivery source write its logs with the edge key and into the log bucket", () => {
    const source = onlyResource(prod, "aws_cloudwatch_log_delivery_source");
    const arn = `arn:aws:logs:us-east-1:333333333333:delivery-source:${source.name}`;
    const logStatements = [
      ...resourcesOfType(prod, "aws_kms_key_policy").flatMap((p) => JSON.parse(p.policy).Statement),
      ...resourcesOfType(prod, "aws_s3_bucket_policy").flatMap((p) => JSON.parse(p.policy).Statement),
    ].filter((st: any) => JSON.stringify(st.Principal ?? "").includes("delivery.logs.amazonaws.com"));
    expect(logStatements.length).toBeGreaterThanOrEqual(2);
    for (const st of logStatements) expect(st.Condition.ArnLike["aws:SourceArn"]).toBe(arn);
  });

  it("R1's security headers, the config's CSP, and an EU geo restriction", () => {
    const h = onlyResource(prod, "aws_cloudfront_response_headers_policy").security_headers_config;
    expect(h.strict_transport_security).toEqual({
      access_control_max_age_sec: 31536000,
      include_subdomains: true,
      preload: true,
      override: true,
    });
    expect(h.content_type_options).toEqual({ override: true });
    expect(h.frame_options).toEqual({ frame_option: "DENY", override: true });
    expect(h.xss_protection).toMatchObject({ protection: true, mode_block: true });
    expect(h.referrer_policy.referrer_policy).toBe("strict-origin-when-cross-origin");
    expect(h.content_security_policy.content_security_policy).toBe(rawExample("apprunner-eu.json").edge.cdn.contentSecurityPolicy);
    expect(d.restrictions.geo_restriction.restriction_type).toBe("whitelist");
    expect(d.restrictions.geo_restriction.locations).toHaveLength(27);
    expect(d.restrictions.geo_restriction.locations).toEqual(expect.arrayContaining(["DE", "FR", "IE", "SE"]));
  });

  it("the versioned frontend bucket admits only this distribution, and its key decrypts only for it", () => {
    const bucket = resourcesOfType(prod, "aws_s3_bucket").find((b) => b.bucket === "orthosense-prod-frontend-333333333333")!;
    expect(bucket).toBeDefined();
    const bAddr = Object.entries(prod.resource!.aws_s3_bucket).find(([, b]) => b === bucket)![0];
    const versioning = resourcesOfType(prod, "aws_s3_bucket_versioning").find((v) => v.bucket.includes(bAddr))!;
    expect(versioning.versioning_configuration.status).toBe("Enabled");
    const policy = JSON.parse(resourcesOfType(prod, "aws_s3_bucket_policy").find((p) => p.bucket.includes(bAddr))!.policy);
    const cf = policy.Statement.filter((s: any) => JSON.stringify(s.Principal ?? "").includes("cloudfront"));
    expect(cf).toEqual([
      expect.objectContaining({ Action: "s3:GetObject", Condition: { StringEquals: { "AWS:SourceArn": distArn(dAddr) } } }),
    ]);
    expect(d.origin[0].origin_access_control_id).toMatch(/aws_cloudfront_origin_access_control/);
    const keyPolicy = JSON.parse(onlyResource(prod, "aws_kms_key_policy").policy);
    const cfKey = keyPolicy.Statement.filter((s: any) => s.Principal?.Service === "cloudfront.amazonaws.com");
    expect(cfKey).toEqual([
      expect.objectContaining({ Action: "kms:Decrypt", Condition: { StringEquals: { "AWS:SourceArn": distArn(dAddr) } } }),
    ]);
  });

  it("access logs through standard logging v2 to a bucket in eu-central-1; only the named exceptions are in us-east-1", () => {
    const source = onlyResource(prod, "aws_cloudwatch_log_delivery_source");
    expect(source).toMatchObject({ log_type: "ACCESS_LOGS", resource_arn: distArn(dAddr), region: "us-east-1" });
    const dest = onlyResource(prod, "aws_cloudwatch_log_delivery_destination");
    const logBucket = resourcesOfType(prod, "aws_s3_bucket").find((b) => b.bucket === "orthosense-prod-cdn-logs-333333333333")!;
    expect(logBucket.region).toBeUndefined(); // the provider's, eu-central-1
    expect(dest.delivery_destination_configuration[0].destination_resource_arn).toMatch(/aws_s3_bucket\./);
    const outside = Object.entries(prod.resource!).flatMap(([type, byName]) =>
      Object.values(byName)
        .filter((r: any) => r.region !== undefined && r.region !== "eu-central-1")
        .map((r: any) => [type, r.region]),
    );
    expect(outside.map(([t]) => t).sort()).toEqual([
      "aws_acm_certificate",
      "aws_acm_certificate_validation",
      "aws_cloudwatch_log_delivery",
      "aws_cloudwatch_log_delivery_destination",
      "aws_cloudwatch_log_delivery_source",
    ]);
    expect(resourcesOfType(prod, "aws_wafv2_web_acl").map((a) => a.scope)).toEqual(["REGIONAL"]);
    expect(blocking(evaluateStack(guarded("orthosense-prod-app")))).toEqual([]);
  });

  it("the residency rule admits exactly what an exception names: without them the same stack fails", () => {
    const g = guarded("orthosense-prod-app");
    const findings = evaluateStack({ ...g, context: { allowedRegions: g.context!.allowedRegions } }).findings.filter(
      (f) => f.ruleId === "PRJ_DATA_RESIDENCY" && f.status === "failed",
    );
    expect(findings.length).toBe(5);
  });
});

describe("residency rule on fixtures", () => {
  const rule = residencyRules[0];
  const ctx = {
    allowedRegions: ["eu-central-1"],
    residencyExceptions: [
      {
        name: "cloudfront-certificate",
        region: "us-east-1",
        resourceTypes: ["aws_acm_certificate"],
        constructScopes: ["s/EdgeTier/Certificate"],
      },
    ],
  };
  const check = (type: string, region: string, path: string) => {
    const g = new TfGraph({ resource: { [type]: { x: { region, "//": { metadata: { path } } } } } });
    return rule.check(g.resources[0], g, ctx).status;
  };
  it("quiet on the named type below the named scope in the named region", () => {
    expect(check("aws_acm_certificate", "us-east-1", "s/EdgeTier/Certificate/Certificate")).toBe("compliant");
  });
  it("fires on another type, another scope or another region", () => {
    expect(check("aws_s3_bucket", "us-east-1", "s/EdgeTier/Certificate/Bucket")).toBe("non-compliant");
    expect(check("aws_acm_certificate", "us-east-1", "s/ComputeTier/AlbCertificate/Certificate")).toBe("non-compliant");
    expect(check("aws_acm_certificate", "us-west-2", "s/EdgeTier/Certificate/Certificate")).toBe("non-compliant");
  });
});

describe("bad edge input: config errors with their paths", () => {
  const problemsOf = (mutate: (s: any) => void) => {
    const s = rawExample("apprunner-eu.json");
    mutate(s);
    const r = validateSpec(s);
    return r.ok ? [] : r.problems;
  };
  const expectProblem = (mutate: (s: any) => void, path: string, message: RegExp) =>
    expect(problemsOf(mutate)).toContainEqual({ path, message: expect.stringMatching(message) });

  it("the examples are valid as they are", () => expect(problemsOf(() => {})).toEqual([]));
  it("HTTPS without a certificate source", () =>
    expectProblem((s) => delete s.edge.cdn.domains.prod.zone, "edge.cdn.domains.prod", /certificate source/));
  it("an environment without a CloudFront domain", () =>
    expectProblem((s) => delete s.edge.cdn.domains.staging, "edge.cdn.domains.staging", /host name/));
  it("an unknown zone reference", () =>
    expectProblem((s) => (s.edge.cdn.domains.dev.zone = "nope.example.com"), "edge.cdn.domains.dev.zone", /does not declare/));
  it("a name outside its zone", () =>
    expectProblem((s) => (s.edge.cdn.domains.dev.name = "www.other.example.com"), "edge.cdn.domains.dev.name", /not in zone/));
  it("a CloudFront certificate outside us-east-1", () =>
    expectProblem(
      (s) =>
        (s.edge.cdn.domains.prod = {
          name: "app.orthosense.example.com",
          certificateArn: "arn:aws:acm:eu-central-1:333333333333:certificate/00000000-0000-4000-8000-000000000003",
        }),
      "edge.cdn.domains.prod.certificateArn",
      /us-east-1 only/,
    ));
  it("a CLOUDFRONT-scope WAF for an EU-only app without the exception", () =>
    expectProblem((s) => (s.edge.cdn.webAcl = true), "edge.cdn.webAcl", /cloudfront-web-acl/));
  it("with the exception, the same WAF is accepted", () =>
    expect(
      problemsOf((s) => {
        s.edge.cdn.webAcl = true;
        s.residencyExceptions.push({
          resource: "cloudfront-web-acl",
          region: "us-east-1",
          holds: "client IPs in WAF logs",
          reason: "AWS requires us-east-1",
        });
      }),
    ).toEqual([]));
  it("a missing certificate exception", () =>
    expectProblem((s) => s.residencyExceptions.splice(0, 1), "edge.cdn.domains", /cloudfront-certificate/));
  it("an exception in another region, or for what the config does not create", () => {
    expectProblem((s) => (s.residencyExceptions[0].region = "us-west-2"), "residencyExceptions[0].region", /us-east-1/);
    expectProblem(
      (s) =>
        s.residencyExceptions.push({
          resource: "cloudfront-web-acl",
          region: "us-east-1",
          holds: "client IPs",
          reason: "AWS requires us-east-1",
        }),
      "residencyExceptions[2]",
      /does not create/,
    );
  });
  it("a CSP that is not a string", () =>
    expect(problemsOf((s) => (s.edge.cdn.contentSecurityPolicy = 42)).map((p) => p.path)).toContain("edge.cdn.contentSecurityPolicy"));
  it("CloudFront in front of an ALB that does not exist", () => expectProblem((s) => (s.edge.cdn.alb = true), "edge.cdn.alb", /no ALB/));
});
