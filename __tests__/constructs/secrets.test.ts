import { OUT_OF_BAND_PLACEHOLDER } from "../../constructs/app-secret";
import { appStackTf, baseSpec, resourcesOfType, type TfJson } from "../helpers";

const spec = () => {
  const s = baseSpec();
  s.secrets = [
    { name: "secret-key", generate: { length: 48 } },
    {
      name: "app",
      keys: {
        JWT_SECRET: { length: 64 },
        ENCRYPTION_KEY: { length: 32, special: true, specialCharacters: "-_.~" },
        DATABASE_URL: "external",
      },
    },
    { name: "openai-api-key", description: "Set out of band" },
    { name: "db", generate: { length: 32 }, rotation: { lambdaArn: "arn:aws:lambda:eu-central-1:333333333333:function:rotate", days: 30 } },
  ];
  return s;
};
const secretNamed = (tf: TfJson, name: string) => {
  const entry = Object.entries(tf.resource!.aws_secretsmanager_secret).find(([, r]) => r.name === name)!;
  return { address: `aws_secretsmanager_secret.${entry[0]}`, secret: entry[1] };
};
const versionsOf = (tf: TfJson, address: string) =>
  resourcesOfType(tf, "aws_secretsmanager_secret_version").filter((v) => v.secret_id === `\${${address}.id}`);

describe("AppSecret", () => {
  const prod = appStackTf(spec(), "prod");
  const dev = appStackTf(spec(), "dev");

  it("stores every secret as <app>/<env>/<name> under the CMK, with the preset's recovery window", () => {
    for (const r of resourcesOfType(prod, "aws_secretsmanager_secret")) {
      expect(r.name).toMatch(/^demo\/prod\//);
      expect(r.kms_key_id).toMatch(/^\$\{aws_kms_key\.DataKey_/);
      expect(r.recovery_window_in_days).toBe(30);
      expect(r.lifecycle).toEqual({ prevent_destroy: true });
    }
    expect(resourcesOfType(dev, "aws_secretsmanager_secret")[0].recovery_window_in_days).toBe(7);
  });

  it("generates a single value with the random provider; only a reference is synthesized", () => {
    const { address } = secretNamed(prod, "demo/prod/secret-key");
    const [version] = versionsOf(prod, address);
    expect(version.secret_string).toMatch(/^\$\{random_password\.[\w-]+\.result\}$/);
    const password = resourcesOfType(prod, "random_password").find((p) => p.length === 48)!;
    expect(password).toMatchObject({ special: false, min_upper: 1, min_lower: 1, min_numeric: 1 });
  });

  it("builds a JSON secret from generated and external keys, keeping out-of-band values", () => {
    const { address } = secretNamed(prod, "demo/prod/app");
    const [version] = versionsOf(prod, address);
    const jsonSecret = new RegExp(
      /^\$\{jsonencode\(\{"JWT_SECRET" = random_password\.\S+\.result, /.source +
        /"ENCRYPTION_KEY" = random_password\.\S+\.result, "DATABASE_URL" = "SET-OUT-OF-BAND"\}\)\}$/.source,
    );
    expect(version.secret_string).toMatch(jsonSecret);
    expect(version.lifecycle).toEqual({ ignore_changes: ["secret_string"] });
    expect(resourcesOfType(prod, "random_password").find((p) => p.length === 32 && p.special === true)).toMatchObject({
      override_special: "-_.~",
    });
  });

  it("creates no version for a placeholder, so an out-of-band value is never overwritten", () => {
    const { address } = secretNamed(prod, "demo/prod/openai-api-key");
    expect(versionsOf(prod, address)).toEqual([]);
  });

  it("rotates with the configured Lambda", () => {
    const { address } = secretNamed(prod, "demo/prod/db");
    expect(resourcesOfType(prod, "aws_secretsmanager_secret_rotation")).toEqual([
      expect.objectContaining({
        secret_id: `\${${address}.id}`,
        rotation_lambda_arn: "arn:aws:lambda:eu-central-1:333333333333:function:rotate",
        rotation_rules: { automatically_after_days: 30 },
      }),
    ]);
  });

  it("puts no secret value in the synthesized JSON", () => {
    const text = JSON.stringify(prod);
    for (const v of resourcesOfType(prod, "aws_secretsmanager_secret_version")) {
      const literals = (v.secret_string.match(/"([^"]*)"/g) ?? []).map((q: string) => q.slice(1, -1));
      for (const l of literals) expect([OUT_OF_BAND_PLACEHOLDER, "JWT_SECRET", "ENCRYPTION_KEY", "DATABASE_URL"]).toContain(l);
    }
    expect(text).not.toMatch(/"(password|secret_string)":\s*"[^$]/);
  });
});
