/**
 * The CI workflows (.github/workflows), validated with GitHub's own parser
 * (@actions/workflow-parser, local reusable workflows resolved) and their structure
 * asserted: jobs and their order, environments, least permissions, pinned actions.
 * The parser is ESM-only and imports JSON without import attributes, so node cannot load
 * it here: esbuild bundles a tiny validator (with the parser's `yaml`) into one CJS file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GITHUB_DEFAULTS } from "../config/presets";

const ROOT = join(__dirname, "..");
const DIR = join(ROOT, ".github", "workflows");

interface Validator {
  validate(name: string, content: string, files: Record<string, string>): Promise<{ errors: string[]; template?: any }>;
  parse(content: string): any;
}

function bundleValidator(): Validator {
  const dir = mkdtempSync(join(tmpdir(), "workflow-parser-"));
  const entry = join(dir, "entry.mjs");
  writeFileSync(
    entry,
    `
import { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from "@actions/workflow-parser";
export { parse } from "yaml";
export async function validate(name, content, files) {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const fileProvider = {
    getFileContent: async (ref) => {
      const path = String(ref.path ?? ref).replace(/^\\.\\//, "");
      if (!(path in files)) throw new Error("no workflow " + path);
      return { name: path, content: files[path] };
    },
  };
  const template = parsed.value
    ? await convertWorkflowTemplate(parsed.context, parsed.value, fileProvider, { fetchReusableWorkflowDepth: 1 })
    : undefined;
  const errors = [...parsed.context.errors.getErrors().map((e) => e.message), ...(template?.errors ?? []).map((e) => e.Message)];
  return { errors: [...new Set(errors)], template };
}
`,
  );
  const outfile = join(dir, "validator.cjs");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("esbuild").buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile,
    nodePaths: [join(ROOT, "node_modules")],
    logLevel: "error",
  });
  try {
    return require(outfile) as Validator;
  } finally {
    // Loaded: node needs neither file again.
    rmSync(dir, { recursive: true, force: true });
  }
}

const files: Record<string, string> = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith(".yml"))
    .map((f) => [`.github/workflows/${f}`, readFileSync(join(DIR, f), "utf8")]),
);
const ENVIRONMENTS = ["dev", "staging", "prod"];

describe("CI workflows", () => {
  const v = bundleValidator();
  const wf = (name: string) => v.parse(files[`.github/workflows/${name}`]);
  const jobsOf = async (name: string) => {
    const r = await v.validate(`.github/workflows/${name}`, files[`.github/workflows/${name}`], files);
    return r.template.jobs as any[];
  };

  it("are valid for GitHub's parser, reusable workflows included", async () => {
    expect(Object.keys(files).sort()).toEqual(
      ["deploy", "drift", "pull-request", "synth", "terraform-apply", "terraform-plan"].map((n) => `.github/workflows/${n}.yml`),
    );
    for (const [name, content] of Object.entries(files))
      expect([name, (await v.validate(name, content, files)).errors]).toEqual([name, []]);
  });

  it("the parser reports what GitHub would reject (the check can fail)", async () => {
    const deploy = files[".github/workflows/deploy.yml"];
    const missingInput = deploy.replace("    with:\n      environment: prod\n", "");
    expect((await v.validate("deploy.yml", missingInput, files)).errors).toEqual([
      expect.stringContaining("Input environment is required, but not provided while calling"),
    ]);
    const badPermission = files[".github/workflows/synth.yml"].replace("contents: read", "contents: readd");
    expect((await v.validate("synth.yml", badPermission, files)).errors).toEqual([expect.stringContaining("Unexpected value 'readd'")]);
  });

  it("pull requests: synth, then the scanners and a plan of each environment pull requests may plan", async () => {
    const jobs = await jobsOf("pull-request.yml");
    expect(jobs.map((j) => [j.id.value, (j.needs ?? []).map((n: any) => n.value)])).toEqual([
      ["synth", []],
      ["scan", ["synth"]],
      ...GITHUB_DEFAULTS.pullRequestPlans.map((e) => [`plan-${e}`, ["synth"]]),
    ]);
    const pr = wf("pull-request.yml");
    expect(Object.keys(pr.on)).toEqual(["pull_request"]);
    for (const env of GITHUB_DEFAULTS.pullRequestPlans) {
      expect(pr.jobs[`plan-${env}`]).toMatchObject({
        uses: "./.github/workflows/terraform-plan.yml",
        with: { environment: env, "plan-role-arn": `\${{ vars.AWS_PLAN_ROLE_ARN_${env.toUpperCase()} }}` },
      });
      expect(pr.jobs[`plan-${env}`].with.drift).toBeUndefined();
    }
    // prod state is read from the default branch only.
    expect(Object.keys(pr.jobs)).not.toContain("plan-prod");
  });

  const scanJobTitle =
    "the scan job runs Checkov and Trivy on the synth output, uploads SARIF without requiring code scanning, " + "and fails on findings";
  it(scanJobTitle, () => {
    const steps: any[] = wf("pull-request.yml").jobs.scan.steps;
    const byUses = (prefix: string) => steps.filter((s) => s.uses?.startsWith(prefix));
    expect(byUses("bridgecrewio/checkov-action")).toEqual([
      expect.objectContaining({
        "continue-on-error": true,
        with: expect.objectContaining({ directory: "cdktf.out", config_file: "cdktf.out/.checkov.yaml", output_format: "cli,sarif" }),
      }),
    ]);
    expect(byUses("aquasecurity/trivy-action")).toEqual([
      expect.objectContaining({
        "continue-on-error": true,
        with: expect.objectContaining({ "scan-type": "config", "scan-ref": "cdktf.out", trivyignores: "cdktf.out/.trivyignore.yaml" }),
      }),
    ]);
    const uploads = byUses("github/codeql-action/upload-sarif");
    expect(uploads.map((s) => s.with.sarif_file)).toEqual(["checkov/results_sarif.sarif", "trivy.sarif", "guardrails-sarif"]);
    for (const u of uploads) expect(u["continue-on-error"]).toBe(true);
    const warn = steps.find((s) => /code scanning is not enabled/.test(s.run ?? ""));
    for (const u of uploads) expect(warn.if).toContain(`steps.${u.id}.outcome == 'failure'`);
    const gate = steps[steps.length - 1];
    expect(gate.if).toContain("steps.checkov.outcome == 'failure'");
    expect(gate.if).toContain("steps.trivy.outcome == 'failure'");
    expect(gate.run).toContain("exit 1");
  });

  it("the default branch applies dev, then staging, then prod, each in its GitHub environment, from one synth", async () => {
    const deploy = wf("deploy.yml");
    expect(deploy.on.push.branches).toEqual([GITHUB_DEFAULTS.defaultBranch]);
    const jobs = await jobsOf("deploy.yml");
    expect(jobs.map((j) => [j.id.value, (j.needs ?? []).map((n: any) => n.value)])).toEqual([
      ["synth", []],
      ["apply-dev", ["synth"]],
      ["apply-staging", ["apply-dev"]],
      ["apply-prod", ["apply-staging"]],
    ]);
    for (const env of ENVIRONMENTS) {
      expect(deploy.jobs[`apply-${env}`]).toMatchObject({ uses: "./.github/workflows/terraform-apply.yml", with: { environment: env } });
    }
    const apply = wf("terraform-apply.yml").jobs.apply;
    // The GitHub environment gates the job (reviewers) and names the token's sub claim the deploy role trusts.
    expect(apply.environment).toBe("${{ inputs.environment }}");
    expect(apply.concurrency).toEqual({ group: "terraform-${{ inputs.environment }}", "cancel-in-progress": false });
    const runs = apply.steps.map((s: any) => s.run ?? "").join("\n");
    expect(runs).toMatch(/npm run --silent plan -- "\$STACK" .*-out=tfplan/);
    expect(runs).toMatch(/npm run --silent apply -- "\$STACK" .* tfplan/);
    const aws = apply.steps.find((s: any) => s.uses?.startsWith("aws-actions/configure-aws-credentials"));
    expect(aws.with["role-to-assume"]).toBe("${{ vars.AWS_DEPLOY_ROLE_ARN }}");
    expect(apply.steps[apply.steps.length - 1]).toMatchObject({ if: "${{ always() }}", run: 'rm -f "$DIR/tfplan"' });
  });

  it("nightly drift plans every environment and fails on changes", async () => {
    const drift = wf("drift.yml");
    expect(drift.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
    const jobs = await jobsOf("drift.yml");
    expect(jobs.map((j) => j.id.value)).toEqual(["synth", ...ENVIRONMENTS.map((e) => `drift-${e}`)]);
    for (const env of ENVIRONMENTS) {
      expect(drift.jobs[`drift-${env}`].with).toEqual({
        environment: env,
        "plan-role-arn": `\${{ vars.AWS_PLAN_ROLE_ARN_${env.toUpperCase()} }}`,
        drift: true,
      });
    }
    const plan = wf("terraform-plan.yml").jobs.plan;
    // The plan role trusts only the token of the GitHub environment <env>-plan (its branch policy decides who plans).
    expect(plan.environment).toBe("${{ inputs.environment }}-plan");
    const planStep = plan.steps.find((s: any) => s.id === "plan");
    expect(planStep.run).toContain("-detailed-exitcode");
    const fail = plan.steps.find((s: any) => /Drift in/.test(s.run ?? ""));
    expect(fail.if).toBe("${{ inputs.drift && steps.plan.outputs.exitcode == '2' }}");
    expect(fail.run).toContain("exit 1");
    const checkov = plan.steps.find((s: any) => s.uses?.startsWith("bridgecrewio/checkov-action"));
    expect(checkov.with).toMatchObject({ file: "plan.json", framework: "terraform_plan" });
  });

  it("grants each job the least permissions: none by default, id-token only where a role is assumed", () => {
    const assumesRole = (job: any) => (job.steps ?? []).some((s: any) => s.uses?.startsWith("aws-actions/configure-aws-credentials"));
    const callsRoleWorkflow = (job: any) => /terraform-(plan|apply)\.yml$/.test(job.uses ?? "");
    for (const name of Object.keys(files)) {
      const w = v.parse(files[name]);
      expect([name, w.permissions]).toEqual([name, {}]);
      for (const [id, job] of Object.entries<any>(w.jobs)) {
        const where = `${name} ${id}`;
        expect([where, typeof job.permissions]).toEqual([where, "object"]);
        const writes = Object.entries(job.permissions)
          .filter(([, level]) => level === "write")
          .map(([scope]) => scope);
        const expected = [
          ...(assumesRole(job) || callsRoleWorkflow(job) ? ["id-token"] : []),
          ...((job.steps ?? []).some((s: any) => s.uses?.includes("upload-sarif")) ? ["security-events"] : []),
        ];
        expect([where, writes.sort()]).toEqual([where, expected.sort()]);
      }
    }
  });

  it("pins every third-party action to a full commit SHA with its version in a comment, the same one everywhere", () => {
    const pins = new Map<string, string>();
    const uses = Object.values(files).flatMap((content) => [...content.matchAll(/^\s*(?:-\s*)?uses:\s*(.+)$/gm)].map((m) => m[1].trim()));
    expect(uses.length).toBeGreaterThan(20);
    for (const u of uses) {
      if (u.startsWith("./")) {
        expect(Object.keys(files)).toContain(u.slice(2));
        continue;
      }
      const m = /^([\w.-]+\/[\w.-]+)(\/[\w./-]+)?@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(u);
      expect([u, m !== null]).toEqual([u, true]);
      const [, repo, , sha, version] = m!;
      const pin = `${sha} ${version}`;
      expect([repo, pins.get(repo) ?? pin]).toEqual([repo, pin]);
      pins.set(repo, pin);
    }
    expect([...pins.keys()].sort()).toEqual([
      "actions/checkout",
      "actions/download-artifact",
      "actions/setup-node",
      "actions/upload-artifact",
      "aquasecurity/trivy-action",
      "aws-actions/configure-aws-credentials",
      "bridgecrewio/checkov-action",
      "github/codeql-action",
      "hashicorp/setup-terraform",
    ]);
  });

  it("keeps saved plans on the runner: no workflow uploads anything but the synth output", () => {
    const uploads = Object.values(files).flatMap((c) =>
      [...c.matchAll(/uses: actions\/upload-artifact@.*\n(?:\s+.*\n)*?\s+path: (.+)/g)].map((m) => m[1]),
    );
    expect(uploads).toEqual(["cdktf.out"]);
    const plan = wf("terraform-plan.yml").jobs.plan;
    expect(plan.steps[plan.steps.length - 1]).toMatchObject({ if: "${{ always() }}", run: 'rm -f "$DIR/tfplan" plan.json plan.txt' });
  });
});
