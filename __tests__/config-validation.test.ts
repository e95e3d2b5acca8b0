import { validateSpec } from "../config/validate";
import { resolve } from "../config/resolve";
import { PLATFORM_TAG_KEYS } from "../config/naming";
import { baseSpec, validSpec } from "./helpers";

/** Problems of a spec as "path: message" lines. */
function problemsOf(spec: unknown): string[] {
  const result = validateSpec(spec);
  if (result.ok) return [];
  return result.problems.map((p) => `${p.path}: ${p.message}`);
}

const withSpec = (change: (s: any) => void): unknown => {
  const s: any = baseSpec();
  change(s);
  return s;
};

describe("config validation", () => {
  it("accepts the base spec", () => {
    expect(problemsOf(baseSpec())).toEqual([]);
  });

  it("names an unknown key with a did-you-mean and the allowed keys", () => {
    const problems = problemsOf(withSpec((s) => (s.environments.prod.acountId = "x")));
    expect(problems).toContainEqual(
      expect.stringMatching(/^environments\.prod\.acountId: unknown key "acountId" \(did you mean "accountId"\?\)/),
    );
  });

  it("reports a misspelt required key once, as the unknown key with its suggestion", () => {
    const problems = problemsOf(
      withSpec((s) => {
        s.environments.prod.acountId = s.environments.prod.accountId;
        delete s.environments.prod.accountId;
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^environments\.prod\.acountId: unknown key "acountId" \(did you mean "accountId"\?\)/),
    ]);
  });

  it("names an unknown environment with a did-you-mean", () => {
    const problems = problemsOf(withSpec((s) => (s.environments.stagin = { accountId: "444444444444" })));
    expect(problems).toContainEqual(expect.stringMatching(/^environments\.stagin: unknown key "stagin" \(did you mean "staging"\?\)/));
  });

  it("reports a wrong type with what was expected and what was given", () => {
    const problems = problemsOf(withSpec((s) => (s.environments.dev.accountId = 111111111111)));
    expect(problems).toEqual([
      "environments.dev.accountId: must be a 12-digit AWS account id written as a string (in quotes) (got number 111111111111)",
    ]);
  });

  it("rejects an invalid account id", () => {
    expect(problemsOf(withSpec((s) => (s.environments.dev.accountId = "12345")))).toEqual([
      'environments.dev.accountId: must be exactly 12 digits, e.g. "123456789012" (got string "12345")',
    ]);
  });

  it("rejects out-of-range values", () => {
    const problems = problemsOf(withSpec((s) => (s.environments.prod.overrides = { kms: { deletionWindowDays: 90 } })));
    expect(problems).toEqual(["environments.prod.overrides.kms.deletionWindowDays: must be at most 30 (got number 90)"]);
  });

  it("rejects a log-metric alarm period that is not a multiple of 60 (standard resolution)", () => {
    const alarm = { name: "failed-logins", pattern: "login_failed", warning: 5, critical: 20 };
    expect(problemsOf(withSpec((s) => (s.logMetricAlarms = [{ ...alarm, periodSeconds: 90 }])))).toEqual([
      "logMetricAlarms[0].periodSeconds: must be a multiple of 60: log metric filters publish standard-resolution metrics (got number 90)",
    ]);
    expect(problemsOf(withSpec((s) => (s.logMetricAlarms = [{ ...alarm, periodSeconds: 120 }])))).toEqual([]);
    expect(problemsOf(withSpec((s) => (s.logMetricAlarms = [{ ...alarm, periodSeconds: 6000000000 }])))).toEqual([
      "logMetricAlarms[0].periodSeconds: must be at most 86400 (a day): CloudWatch's longest alarm period",
    ]);
  });

  it("refuses what AWS would refuse at apply: short windows, a long health check path, the tag latest", () => {
    const service = { name: "api", kind: "ecs", imageTag: "latest", port: 8080, healthCheckPath: `/${"a".repeat(1100)}` };
    expect(problemsOf(withSpec((s) => (s.services = [service])))).toEqual([
      "services[0].imageTag: must name one build, such as 1.4.2 or a git SHA, not 'latest' (the repository's tags are immutable) " +
        '(got string "latest")',
      "services[0].healthCheckPath: must be at most 1024 characters (the load balancer's limit)",
    ]);
    const windows = withSpec((s) => {
      s.database = { engine: "postgres", version: "16" };
      s.environments.prod.overrides = { database: { backupWindow: "03:00-03:01", maintenanceWindow: "sun:05:30-sun:05:31" } };
    });
    expect(problemsOf(windows)).toEqual([
      "environments.prod.overrides.database.backupWindow: prod: window 03:00-03:01 lasts 1 minute; RDS needs at least 30",
      "environments.prod.overrides.database.maintenanceWindow: prod: window sun:05:30-sun:05:31 lasts 1 minute; RDS needs at least 30",
    ]);
    // A window across midnight or the week's end counts on.
    const wrapped = (backupWindow: string, maintenanceWindow: string) =>
      withSpec((s) => {
        s.database = { engine: "postgres", version: "16" };
        s.environments.prod.overrides = { database: { backupWindow, maintenanceWindow } };
      });
    expect(problemsOf(wrapped("23:45-00:15", "wed:05:00-wed:05:30"))).toEqual([]);
    expect(problemsOf(wrapped("03:00-04:00", "sun:23:50-mon:00:20"))).toEqual([]);
    const cache = withSpec((s) => {
      s.cache = { engine: "valkey", version: "8" };
      s.environments.prod.overrides = { cache: { snapshotWindow: "02:00-02:30" } };
    });
    expect(problemsOf(cache)).toEqual([
      "environments.prod.overrides.cache.snapshotWindow: prod: window 02:00-02:30 lasts 30 minutes; ElastiCache needs at least 60",
    ]);
  });

  it("checks every list of environment names against the declared environments", () => {
    const problems = problemsOf(
      withSpec((s) => {
        delete s.environments.staging;
        s.drRegion = "eu-west-1";
        s.buckets = [{ name: "uploads", replicateIn: ["prod", "staging"] }];
        s.guardrails = {
          suppressions: [
            {
              rule: "CKV_AWS_18",
              path: "AccessLogBucket",
              environments: ["staging"],
              reason: "Access-log target; logging to itself loops.",
            },
          ],
        };
      }),
    );
    expect(problems).toEqual([
      'buckets[0].replicateIn[1]: environment "staging" is not declared under environments (declared: dev, prod)',
      'guardrails.suppressions[0].environments[0]: environment "staging" is not declared under environments (declared: dev, prod)',
    ]);
  });

  it("rejects a deploy or state role in another account than the provider is pinned to", () => {
    const problems = problemsOf(
      withSpec((s) => {
        s.environments.prod.deployRoleArn = "arn:aws:iam::444444444444:role/deploy";
        s.environments.staging.state = { roleArn: "arn:aws:iam::999999999999:role/tfstate" };
      }),
    );
    expect(problems).toEqual([
      "environments.staging.state.roleArn: role is in account 999999999999, but the state of staging is account 222222222222: the " +
        "provider refuses any other account, so every plan would fail",
      "environments.prod.deployRoleArn: role is in account 444444444444, but environment prod is account 333333333333: the " +
        "provider refuses any other account, so every plan would fail",
    ]);
    expect(
      problemsOf(
        withSpec((s) => (s.environments.staging.state = { accountId: "999999999999", roleArn: "arn:aws:iam::999999999999:role/tfstate" })),
      ),
    ).toEqual([]);
    expect(problemsOf(withSpec((s) => (s.state = { breakGlassRoleArn: "arn:aws:iam::333333333333:role/break-glass" })))).toEqual([
      "state.breakGlassRoleArn: role is in account 333333333333, but the state of dev is account 111111111111: no role of another " +
        "account can use the state key, so it would break no glass",
      "state.breakGlassRoleArn: role is in account 333333333333, but the state of staging is account 222222222222: no role of " +
        "another account can use the state key, so it would break no glass",
    ]);
    // A role of GovCloud for a commercial region (the base spec's eu-central-1), or the reverse.
    expect(problemsOf(withSpec((s) => (s.environments.prod.deployRoleArn = "arn:aws-us-gov:iam::333333333333:role/deploy")))).toEqual([
      "environments.prod.deployRoleArn: role is in partition aws-us-gov, but environment prod runs in eu-central-1 " +
        "(partition aws): no role crosses partitions",
    ]);
  });

  it("rejects a log retention CloudWatch does not accept", () => {
    const problems = problemsOf(withSpec((s) => (s.environments.prod.overrides = { logs: { retentionDays: 100 } })));
    expect(problems).toEqual([
      expect.stringMatching(/^environments\.prod\.overrides\.logs\.retentionDays: must be one of CloudWatch's retention values/),
    ]);
  });

  it("suggests the closest region for a typo", () => {
    const problems = problemsOf(withSpec((s) => (s.primaryRegion = "eu-centrl-1")));
    expect(problems).toContainEqual(
      expect.stringMatching(/^primaryRegion: string "eu-centrl-1" is not allowed \(did you mean "eu-central-1"\?\)/),
    );
  });

  it("rejects regions outside allowedRegions (data residency)", () => {
    const problems = problemsOf(
      withSpec((s) => {
        s.environments.prod.region = "us-east-1";
        s.state = { region: "us-west-2" };
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^environments\.prod\.region: region "us-east-1" is outside allowedRegions \(eu-central-1, eu-west-1\)/),
        expect.stringMatching(/^state\.region: region "us-west-2" is outside allowedRegions/),
      ]),
    );
  });

  it("rejects duplicate bucket names, pointing at the second one", () => {
    const problems = problemsOf(withSpec((s) => (s.buckets = [{ name: "uploads" }, { name: "reports" }, { name: "uploads" }])));
    expect(problems).toEqual(['buckets[2].name: duplicate bucket name "uploads", already at buckets[0]']);
  });

  it("checks names against AWS rules", () => {
    expect(problemsOf(withSpec((s) => (s.app = "Demo_App")))).toEqual([expect.stringMatching(/^app: must be lowercase letters/)]);
    expect(problemsOf(withSpec((s) => (s.app = "a-very-long-application-name")))).toEqual([
      "app: must be at most 20 characters long (got 28 characters)",
    ]);
    // One letter is lowercase: only its length is wrong. A hyphen at the end is the pattern's.
    expect(problemsOf(withSpec((s) => (s.app = "b")))).toEqual(["app: must be at least 2 characters long (got 1 character)"]);
    expect(problemsOf(withSpec((s) => (s.app = "b-")))).toEqual([
      expect.stringMatching(/^app: must be lowercase letters, .* not end with a hyphen/),
    ]);
    expect(problemsOf(withSpec((s) => (s.state = { bucketName: "{app}.{env}.state" })))).toContainEqual(
      expect.stringMatching(/^state\.bucketName: dev: state bucket name "demo\.dev\.state" contains a dot/),
    );
    expect(problemsOf(withSpec((s) => (s.tags = { "aws:owner": "x" })))).toEqual([
      expect.stringMatching(/^tags\.aws:owner: key must not start with 'aws:'/),
    ]);
  });

  it("says what is wrong with a tag key in words, with a readable path, and a number past JSON's range once", () => {
    expect(problemsOf(withSpec((s) => (s.tags = { "": "x" })))).toEqual(['tags[""]: key must be at least 1 character long']);
    expect(problemsOf(withSpec((s) => (s.tags = { ["k".repeat(129)]: "x" })))).toEqual([
      `tags["${"k".repeat(40)}..."]: key must be at most 128 characters long`,
    ]);
    // JSON.parse reads 1e400 as Infinity; 1e308 passes zod's integer bound and the field's.
    expect(problemsOf(withSpec((s) => (s.buckets = [{ name: "uploads", glacierAfterDays: JSON.parse("1e400") }])))).toEqual([
      "buckets[0].glacierAfterDays: is a number too large for JSON to hold (it reads as infinity); give a real value",
    ]);
    expect(problemsOf(withSpec((s) => (s.secrets = [{ name: "x-key", generate: { length: 1e308 } }])))).toEqual([
      "secrets[0].generate.length: must be at most 4096 (got number 1e+308)",
    ]);
  });

  it("refuses tags the platform sets itself, and more than a resource can carry with the platform's", () => {
    expect(problemsOf(withSpec((s) => (s.environments.prod.tags = { Environment: "production" })))).toEqual([
      "environments.prod.tags.Environment: is set by the platform on every resource " +
        "(Application, Environment, ManagedBy, DataClassification, Compliance), over yours; choose another key",
    ]);
    expect(problemsOf(withSpec((s) => (s.tags = { Name: "demo" })))).toEqual([
      "tags.Name: is set by the platform on some resources (Name, Tier), over yours; choose another key",
    ]);
    const many = (n: number, prefix: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, "x"]));
    expect(problemsOf(withSpec((s) => (s.tags = many(43, "Team"))))).toEqual([]);
    expect(
      problemsOf(
        withSpec((s) => {
          s.tags = many(40, "Team");
          s.environments.prod.tags = many(4, "Cost");
        }),
      ),
    ).toEqual([
      "environments.prod.tags: prod: 44 tags, with the top-level ones; at most 43 (AWS allows 50 per resource, and the platform sets 7)",
    ]);
    // The list refused is the list the platform sets.
    const platform = Object.keys(resolve(validSpec(baseSpec()), "prod").tags).filter((k) => !(k in (baseSpec().tags ?? {})));
    expect(platform.sort()).toEqual([...PLATFORM_TAG_KEYS].sort());
  });

  it("takes only IAM role ARNs, at least one and each once, as state principals", () => {
    const role = "arn:aws:iam::333333333333:role/deploy";
    // IAM Identity Center's roles: a path, then a name; the name alone is held to 64 characters.
    const sso =
      "arn:aws:iam::333333333333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef";
    expect(problemsOf(withSpec((s) => (s.environments.prod.state = { principalArns: [role], breakGlassRoleArn: sso })))).toEqual([]);
    expect(
      problemsOf(withSpec((s) => (s.environments.prod.state = { principalArns: [role], breakGlassRoleArn: `${sso}${"x".repeat(20)}` }))),
    ).toEqual([
      expect.stringMatching(/^environments\.prod\.state\.breakGlassRoleArn: must be an IAM role ARN: .*the name at most 64 characters/),
    ]);
    expect(problemsOf(withSpec((s) => (s.state = { principalArns: [role, "arn:aws:iam::333333333333:user/alice"] })))).toEqual([
      expect.stringMatching(/^state\.principalArns\[1\]: must be an IAM role ARN/),
    ]);
    expect(problemsOf(withSpec((s) => (s.environments.prod.state = { principalArns: [] })))).toEqual([
      "environments.prod.state.principalArns: must have at least 1 entry (got 0 entries)",
    ]);
    const duplicateRole = new RegExp(
      /^environments\.prod\.state\.principalArns\[1\]: duplicate role "arn:aws:iam::333333333333:role\/deploy", /.source +
        /already at environments\.prod\.state\.principalArns\[0\]/.source,
    );
    expect(problemsOf(withSpec((s) => (s.environments.prod.state = { principalArns: [role, role], breakGlassRoleArn: "root" })))).toEqual([
      expect.stringMatching(/^environments\.prod\.state\.breakGlassRoleArn: must be an IAM role ARN/),
      expect.stringMatching(duplicateRole),
    ]);
  });

  it("rejects state keys and buckets shared between stacks", () => {
    expect(problemsOf(withSpec((s) => (s.state = { key: "infra/terraform.tfstate", bucketName: "demo-shared-state" })))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^state\.bucketName: staging uses state bucket "demo-shared-state" already used by dev/),
      ]),
    );
    expect(problemsOf(withSpec((s) => (s.state = { key: "{app}/{env}/bootstrap.tfstate" })))).toEqual([
      expect.stringMatching(/^state\.key: state key "demo\/dev\/bootstrap\.tfstate" of demo-dev-bootstrap is already used by demo-dev-app/),
      expect.stringMatching(/^state\.key: .*demo-staging-bootstrap/),
      expect.stringMatching(/^state\.key: .*demo-prod-bootstrap/),
    ]);
  });

  it("rejects an unknown placeholder in a name template", () => {
    expect(problemsOf(withSpec((s) => (s.state = { bucketName: "{app}-{stage}-state" })))).toContainEqual(
      expect.stringMatching(/unknown placeholder \{stage\}/),
    );
    // Named at the template's own path, an environment's own template included.
    expect(problemsOf(withSpec((s) => (s.state = { key: "{app}/{envv}/terraform.tfstate" })))).toEqual([
      "state.key: unknown placeholder {envv}; use {app}, {env}, {account} or {region}",
    ]);
    expect(problemsOf(withSpec((s) => (s.environments.prod.state = { key: "{app}/{envv}/terraform.tfstate" })))).toEqual([
      "environments.prod.state.key: unknown placeholder {envv}; use {app}, {env}, {account} or {region}",
    ]);
  });

  it("checks the state bucket's own name against S3's reserved suffixes", () => {
    expect(problemsOf(withSpec((s) => (s.state = { bucketName: "{app}-{env}-s3alias" })))).toContainEqual(
      'state.bucketName: prod: state bucket name "demo-prod-s3alias" uses a prefix or suffix S3 reserves',
    );
  });

  it("checks subnet CIDRs: inside the VPC, one per AZ, no overlap", () => {
    const problems = problemsOf(
      withSpec((s) => {
        s.overrides = {
          network: {
            subnetCidrs: { public: ["10.0.0.0/24", "10.0.1.0/24"], app: ["10.0.1.128/25", "10.1.0.0/24"], data: ["10.0.3.0/24"] },
          },
        };
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        // One line for the environments a mistake reaches with the same words.
        "overrides.network.subnetCidrs.app[0]: dev, staging, prod: 10.0.1.128/25 overlaps public[1] 10.0.1.0/24",
        "overrides.network.subnetCidrs.app[1]: dev, staging, prod: 10.1.0.0/24 is outside the VPC CIDR 10.0.0.0/16",
        "overrides.network.subnetCidrs.data: dev, staging: 1 subnet for 2 availability zones; give one per AZ",
        "overrides.network.subnetCidrs.data: prod: 1 subnet for 3 availability zones; give one per AZ",
      ]),
    );
    const tiny = withSpec((s) => {
      s.environments.dev.overrides = {
        network: {
          subnetCidrs: {
            public: ["10.0.0.0/28", "10.0.0.16/29"],
            app: ["10.0.1.0/24", "10.0.2.0/24"],
            data: ["10.0.3.0/24", "10.0.4.0/32"],
          },
        },
      };
    });
    expect(problemsOf(tiny)).toEqual([
      "environments.dev.overrides.network.subnetCidrs.public[1]: dev: 10.0.0.16/29 is a /29; AWS subnets are /16 to /28",
      "environments.dev.overrides.network.subnetCidrs.data[1]: dev: 10.0.4.0/32 is a /32; AWS subnets are /16 to /28",
    ]);
  });

  it("rejects a VPC CIDR that is not a network address", () => {
    expect(problemsOf(withSpec((s) => (s.environments.prod.overrides = { network: { vpcCidr: "10.0.1.0/16" } })))).toEqual([
      'environments.prod.overrides.network.vpcCidr: prod: "10.0.1.0/16" is not a valid VPC CIDR ' +
        "(a network address with a /16 to /24 prefix)",
    ]);
  });

  it("checks pinned zone IDs: the ID format, one per AZ, none twice", () => {
    const pin = (ids: string[]) => withSpec((s) => (s.environments.prod.overrides = { network: { zoneIds: ids } }));
    expect(problemsOf(pin(["euc1-az1", "euc1-az2", "euc1-az3"]))).toEqual([]);
    expect(problemsOf(pin(["euc1-az1", "eu-central-1b", "euc1-az3"]))).toEqual([
      "environments.prod.overrides.network.zoneIds[1]: must be an availability zone ID such as use1-az1 " +
        '(not a zone name such as us-east-1a) (got string "eu-central-1b")',
    ]);
    expect(problemsOf(pin(["euc1-az1", "euc1-az2"]))).toEqual([
      "environments.prod.overrides.network.zoneIds: prod: 2 zone IDs for 3 availability zones; give one per AZ",
    ]);
    expect(problemsOf(pin(["euc1-az1", "euc1-az2", "euc1-az1"]))).toEqual([
      'environments.prod.overrides.network.zoneIds[2]: prod: zone ID "euc1-az1" is already at [0]; each AZ needs its own zone',
    ]);
    expect(problemsOf(pin(["euc1-az1", "euw1-az2", "euc1-az3"]))).toEqual([
      'environments.prod.overrides.network.zoneIds[1]: prod: zone ID "euw1-az2" is not in eu-central-1, whose zone IDs are euc1-az<n>',
    ]);
    // spec-wide pinning is checked against every environment's azCount
    expect(problemsOf(withSpec((s) => (s.overrides = { network: { zoneIds: ["euc1-az1", "euc1-az2"] } })))).toEqual([
      "overrides.network.zoneIds: prod: 2 zone IDs for 3 availability zones; give one per AZ",
    ]);
  });

  it("keeps the DR region inside the residency list and replication tied to it", () => {
    expect(problemsOf(withSpec((s) => (s.drRegion = "us-west-2")))).toEqual([
      expect.stringMatching(/^drRegion: region "us-west-2" is outside allowedRegions/),
    ]);
    expect(problemsOf(withSpec((s) => (s.buckets = [{ name: "docs", replicateIn: ["prod"] }])))).toEqual([
      "buckets[0].replicateIn: replication needs drRegion set at the top level",
    ]);
    expect(problemsOf(withSpec((s) => (s.drRegion = "eu-central-1")))).toEqual([expect.stringMatching(/^drRegion: is the primary region/)]);
    const sameRegion = withSpec((s) => {
      s.drRegion = "eu-west-1";
      s.environments.prod.region = "eu-west-1";
      s.buckets = [{ name: "docs", replicateIn: ["prod"] }];
    });
    expect(problemsOf(sameRegion)).toEqual([
      "environments.prod.region: prod runs in drRegion eu-west-1 and replicates bucket docs there; " +
        "a disaster-recovery copy must live elsewhere",
    ]);
  });

  it("checks secrets, emails and alarm thresholds", () => {
    const problems = problemsOf(
      withSpec((s) => {
        s.secrets = [
          { name: "app", generate: { length: 8 } },
          { name: "app" },
          { name: "both", generate: { length: 32 }, keys: { A: "external" } },
          { name: "kk", keys: { lower: "external" } },
        ];
        s.alarmEmails = ["not-an-email"];
        s.logMetricAlarms = [{ name: "logins", pattern: "x", warning: 20, critical: 10 }];
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "secrets[0].generate.length: must be at least 16 (got number 8)",
        'secrets[1].name: duplicate secret name "app", already at secrets[0]',
        "secrets[2].keys: set either generate or keys, not both",
        expect.stringMatching(/^secrets\[3\]\.keys\.lower: key must be an UPPER_SNAKE_CASE key/),
        'alarmEmails[0]: must be an e-mail address such as oncall@example.com (got string "not-an-email")',
        "logMetricAlarms[0].warning: warning threshold 20 is above critical 10",
      ]),
    );
  });

  it("refuses two environments creating a detector and a recorder in one account and region", () => {
    const problems = problemsOf(withSpec((s) => (s.environments.staging.accountId = "111111111111")));
    const oneDetector = new RegExp(
      /^environments\.staging\.overrides\.audit\.guardDuty: staging and dev share account 111111111111 in eu-central-1, /.source +
        /which holds one GuardDuty detector/.source,
    );
    expect(problems).toEqual([
      expect.stringMatching(oneDetector),
      expect.stringMatching(/^environments\.staging\.overrides\.audit\.awsConfig: staging and dev share account 111111111111/),
    ]);
    expect(
      problemsOf(
        withSpec((s) => {
          s.environments.staging.accountId = "111111111111";
          s.environments.staging.overrides = { audit: { guardDuty: false, awsConfig: false } };
        }),
      ),
    ).toEqual([]);
  });

  it("counts the DR region of an environment that replicates: one environment's DR region is another's primary", () => {
    const sharing = (s: any) => {
      s.drRegion = "eu-west-1";
      s.environments.dev = { accountId: "333333333333", region: "eu-west-1" };
    };
    // prod's recorder and detector stay in eu-central-1 while it replicates nothing
    expect(problemsOf(withSpec(sharing))).toEqual([]);
    const problems = problemsOf(
      withSpec((s) => {
        sharing(s);
        s.buckets = [{ name: "uploads", replicateIn: ["prod"] }];
      }),
    );
    expect(problems).toEqual([
      "environments.prod.overrides.audit.guardDuty: prod (its DR region) and dev share account 333333333333 in eu-west-1, which " +
        "holds one GuardDuty detector: set it false in one of them",
      "environments.prod.overrides.audit.awsConfig: prod (its DR region) and dev share account 333333333333 in eu-west-1, which " +
        "holds one AWS Config recorder: set it false in one of them",
    ]);
    // Database backups copied there count the same.
    const viaDatabase = problemsOf(
      withSpec((s) => {
        sharing(s);
        s.database = { engine: "aurora-postgresql", version: "16", replicateIn: ["prod"] };
      }),
    );
    expect(viaDatabase).toEqual(problems);
  });

  it("reserves the key purposes of the platform's own keys", () => {
    const problems = problemsOf(
      withSpec(
        (s) =>
          (s.keys = [
            { purpose: "phi-fields", description: "x" },
            { purpose: "audit", description: "x" },
            { purpose: "tfstate", description: "x" },
          ]),
      ),
    );
    expect(problems).toEqual([
      'keys[1].purpose: "audit" is reserved: the platform\'s own keys use data, audit, dr, tfstate, edge; choose another purpose',
      'keys[2].purpose: "tfstate" is reserved: the platform\'s own keys use data, audit, dr, tfstate, edge; choose another purpose',
    ]);
  });

  it("takes audit readers as IAM role ARNs", () => {
    const problems = problemsOf(
      withSpec((s) => (s.environments.prod.overrides = { audit: { readerArns: ["arn:aws:iam::333333333333:user/bob"] } })),
    );
    expect(problems).toEqual([expect.stringMatching(/^environments\.prod\.overrides\.audit\.readerArns\[0\]: must be an IAM role ARN/)]);
    const readers = ["arn:aws:iam::333333333333:role/auditor", "arn:aws:iam::999999999999:role/auditor"];
    expect(problemsOf(withSpec((s) => (s.environments.prod.overrides = { audit: { readerArns: readers } })))).toEqual([
      "environments.prod.overrides.audit.readerArns[1]: prod: arn:aws:iam::999999999999:role/auditor " +
        "is not in the environment's account 333333333333; " +
        "the audit key admits readers of that account only",
    ]);
  });

  it("says what is required when a field is missing, and what an empty or wrong root is", () => {
    expect(problemsOf({})).toEqual([
      "app: is required (string)",
      expect.stringMatching(/^primaryRegion: is required; one of: us-east-1, /),
      "allowedRegions: is required (array)",
      "dataClassification: is required; one of: public, internal, confidential, pii, phi",
      "environments: is required (object)",
    ]);
    expect(problemsOf([])).toEqual(["(root): expected object (got an array)"]);
  });

  it("requires at least one environment", () => {
    expect(problemsOf(withSpec((s) => (s.environments = {})))).toEqual([expect.stringMatching(/^environments: declares no environment/)]);
  });

  it("reports every problem at once, schema and cross-field alike", () => {
    const problems = problemsOf(
      withSpec((s) => {
        s.app = 7;
        s.dataClassification = "secret";
        s.environments.dev.extra = true;
        s.environments.prod.region = "us-east-1";
        s.buckets = [{ name: "a1" }, { name: "a1" }];
      }),
    );
    expect(problems.map((p) => p.split(":")[0])).toEqual(
      expect.arrayContaining(["app", "dataClassification", "environments.dev.extra", "environments.prod.region", "buckets[1].name"]),
    );
    expect(problems).toHaveLength(5);
  });
  describe("database", () => {
    const pg = (s: any) => (s.database = { engine: "postgres", version: "16" });

    it("accepts a known major of each engine", () => {
      expect(problemsOf(withSpec(pg))).toEqual([]);
      expect(problemsOf(withSpec((s) => (s.database = { engine: "mysql", version: "8.4" })))).toEqual([]);
    });

    it("rejects an unknown major and a minor pin, with the path", () => {
      expect(problemsOf(withSpec((s) => (s.database = { engine: "postgres", version: "9" })))).toEqual([
        expect.stringMatching(
          /^database\.version: postgres has no major version "9" in the engine table of \d{4}-\d\d-\d\d; known: 13, 14, 15, 16, 17$/,
        ),
      ]);
      expect(problemsOf(withSpec((s) => (s.database = { engine: "mysql", version: "16" })))).toEqual([
        expect.stringMatching(/^database\.version: mysql has no major version "16" .*known: 8\.0, 8\.4$/),
      ]);
      expect(problemsOf(withSpec((s) => (s.database = { engine: "postgres", version: "16.3" })))).toEqual([
        expect.stringMatching(/^database\.version: pin the major version "16", not "16\.3": auto minor version upgrades/),
      ]);
    });

    it("rejects an unknown engine and a malformed name", () => {
      expect(problemsOf(withSpec((s) => (s.database = { engine: "oracle", version: "19" })))).toEqual([
        expect.stringMatching(/^database\.engine: /),
      ]);
      expect(problemsOf(withSpec((s) => (s.database = { engine: "postgres", version: "16", name: "my-db" })))).toEqual([
        expect.stringMatching(/^database\.name: must start with a letter and hold only letters, digits and underscores/),
      ]);
    });

    it("rejects a class the engine does not offer, where it was written", () => {
      const problems = problemsOf(
        withSpec((s) => {
          pg(s);
          s.overrides = { database: { instanceClass: "db.t2.micro" } };
          s.environments.prod.overrides = { database: { instanceClass: "db.x9.huge" } };
        }),
      );
      expect(problems).toEqual([
        expect.stringMatching(
          /^overrides\.database\.instanceClass: dev, staging: RDS for postgres does not offer db\.t2\.micro \(engine table of /,
        ),
        expect.stringMatching(
          /^environments\.prod\.overrides\.database\.instanceClass: prod: RDS for postgres does not offer db\.x9\.huge/,
        ),
      ]);
    });

    it("rejects a storage ceiling below the allocation and overlapping windows", () => {
      const problems = problemsOf(
        withSpec((s) => {
          pg(s);
          s.environments.prod.overrides = { database: { allocatedStorageGb: 500, backupWindow: "04:00-05:00" } }; // 500 <= 1000: fine
        }),
      );
      const backupOverlap = new RegExp(
        /^environments\.prod\.overrides\.database\.backupWindow: prod: /.source +
          /backup window 04:00-05:00 overlaps maintenance window sun:04:30-sun:05:30/.source,
      );
      expect(problems).toEqual([expect.stringMatching(backupOverlap)]);
      expect(
        problemsOf(
          withSpec((s) => {
            pg(s);
            s.environments.dev.overrides = { database: { allocatedStorageGb: 200 } };
          }),
        ),
      ).toEqual([
        "environments.dev.overrides.database.maxAllocatedStorageGb: dev: storage ceiling 100 GiB is below the allocated 200 GiB; " +
          "raise it or lower allocatedStorageGb",
      ]);
    });

    it("rejects a replica without backups, with the path of the retention", () => {
      expect(
        problemsOf(
          withSpec((s) => {
            pg(s);
            s.environments.prod.overrides = { database: { readReplicas: 1, backupRetentionDays: 0 } };
          }),
        ),
      ).toEqual([expect.stringMatching(/^environments\.prod\.overrides\.database\.backupRetentionDays: /)]);
      expect(
        problemsOf(
          withSpec((s) => {
            pg(s);
            s.environments.prod.overrides = { database: { readReplicas: 6 } };
          }),
        ),
      ).toEqual([expect.stringMatching(/^environments\.prod\.overrides\.database\.readReplicas: /)]);
    });

    it("rejects backup replication without a DR region, into the environment's own region, or for an undeclared environment", () => {
      const replicated = (s: any) => (s.database = { engine: "postgres", version: "16", replicateIn: ["prod"] });
      expect(problemsOf(withSpec(replicated))).toEqual(["database.replicateIn: backup replication needs drRegion set at the top level"]);
      expect(
        problemsOf(
          withSpec((s) => {
            replicated(s);
            s.drRegion = "eu-west-1";
            s.environments.prod.region = "eu-west-1";
          }),
        ),
      ).toEqual([
        "environments.prod.region: prod runs in drRegion eu-west-1 and replicates its database backups there; a disaster-recovery " +
          "copy must live elsewhere",
      ]);
      expect(
        problemsOf(
          withSpec((s) => {
            replicated(s);
            s.drRegion = "eu-west-1";
            delete s.environments.staging;
            s.database.replicateIn = ["staging"];
          }),
        ),
      ).toContainEqual(expect.stringMatching(/^database\.replicateIn\[0\]: environment "staging" is not declared/));
    });

    it("rejects a DR region equal to the primary or outside allowedRegions", () => {
      const dr = (region: string) =>
        withSpec((s) => {
          s.database = { engine: "postgres", version: "16", replicateIn: ["prod"] };
          s.drRegion = region;
        });
      expect(problemsOf(dr("eu-central-1"))).toEqual([expect.stringMatching(/^drRegion: is the primary region eu-central-1/)]);
      expect(problemsOf(dr("us-east-1"))).toEqual([expect.stringMatching(/^drRegion: region "us-east-1" is outside allowedRegions/)]);
    });

    it("keeps the generated master secret's name for the database where replicas are asked", () => {
      expect(
        problemsOf(
          withSpec((s) => {
            pg(s);
            s.secrets = [{ name: "database-master" }];
            s.environments.prod.overrides = { database: { readReplicas: 1 } };
          }),
        ),
      ).toEqual([
        expect.stringMatching(
          /^secrets\[0\]\.name: prod: "database-master" is the secret that holds the database's generated master password/,
        ),
      ]);
    });

    it("finds window overlaps across midnight and the end of the week", () => {
      const { windowsOverlap } = require("../config/spec-checks") as typeof import("../config/spec-checks");
      expect(windowsOverlap("03:00-04:00", "sun:04:30-sun:05:30")).toBe(false);
      expect(windowsOverlap("23:30-00:30", "mon:00:00-mon:01:00")).toBe(true);
      expect(windowsOverlap("23:30-00:15", "sun:23:50-mon:00:20")).toBe(true);
      expect(windowsOverlap("01:00-02:00", "sun:23:00-mon:00:59")).toBe(false);
      expect(windowsOverlap("01:00-02:00", "sun:23:00-mon:01:01")).toBe(true);
    });

    it("rejects malformed windows and retention outside 7-35 days", () => {
      expect(
        problemsOf(
          withSpec((s) => {
            pg(s);
            s.overrides = { database: { backupWindow: "3:00-4:00", backupRetentionDays: 36 } };
          }),
        ),
      ).toEqual([
        "overrides.database.backupRetentionDays: must be at most 35 (got number 36)",
        expect.stringMatching(/^overrides\.database\.backupWindow: must be hh:mm-hh:mm in UTC/),
      ]);
    });
  });
  describe("cache", () => {
    const redis = (s: any) => (s.cache = { engine: "redis", version: "7" });

    it("accepts a known major of each engine", () => {
      expect(problemsOf(withSpec(redis))).toEqual([]);
      for (const version of ["7", "8", "9"]) expect(problemsOf(withSpec((s) => (s.cache = { engine: "valkey", version })))).toEqual([]);
    });

    it("rejects an unknown major, a minor pin and an unknown engine, with the path", () => {
      expect(problemsOf(withSpec((s) => (s.cache = { engine: "redis", version: "6" })))).toEqual([
        expect.stringMatching(/^cache\.version: redis has no major version "6" in the cache table of \d{4}-\d\d-\d\d; known: 7$/),
      ]);
      expect(problemsOf(withSpec((s) => (s.cache = { engine: "valkey", version: "7.2" })))).toEqual([
        'cache.version: pin the major version "7", not "7.2": the table picks the minor (7.2) and auto minor upgrades move the patch',
      ]);
      expect(problemsOf(withSpec((s) => (s.cache = { engine: "memcached", version: "1" })))).toEqual([
        expect.stringMatching(/^cache\.engine: /),
      ]);
    });

    it("rejects Multi-AZ with one node and a node type the table lacks, where it was written", () => {
      const problems = problemsOf(
        withSpec((s) => {
          redis(s);
          s.overrides = { cache: { nodeType: "cache.t2.micro" } };
          s.environments.prod.overrides = { cache: { nodeType: "cache.r7g.large", nodeCount: 1 } };
        }),
      );
      expect(problems).toEqual([
        expect.stringMatching(
          /^overrides\.cache\.nodeType: dev, staging: ElastiCache node type cache\.t2\.micro is not in the cache table of /,
        ),
        "environments.prod.overrides.cache.multiAz: prod: Multi-AZ needs a replica to fail over to, and nodeCount is 1; set " +
          "nodeCount to 2 or more, or multiAz false",
      ]);
    });

    it("rejects overlapping windows, a node count beyond 6, and a config secret on the token's name", () => {
      expect(
        problemsOf(
          withSpec((s) => {
            redis(s);
            s.environments.dev.overrides = { cache: { snapshotWindow: "05:00-06:00", nodeCount: 7 } };
            s.secrets = [{ name: "cache-auth-token" }];
          }),
        ),
      ).toEqual([expect.stringMatching(/^environments\.dev\.overrides\.cache\.nodeCount: /)]);
      expect(
        problemsOf(
          withSpec((s) => {
            redis(s);
            s.environments.dev.overrides = { cache: { snapshotWindow: "05:00-06:00" } };
            s.secrets = [{ name: "api" }, { name: "cache-auth-token" }];
          }),
        ),
      ).toEqual([
        'secrets[1].name: "cache-auth-token" holds the cache\'s generated AUTH token; choose another name',
        "environments.dev.overrides.cache.snapshotWindow: dev: snapshot window 05:00-06:00 overlaps maintenance window " +
          "sun:05:30-sun:06:30; ElastiCache rejects that",
      ]);
    });
  });
});
