import { Construct } from "constructs";
import { Fn } from "cdktf";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Password } from "@cdktf/provider-random/lib/password";
import { suppress } from "../guardrails/suppressions";
import type { Grantable } from "./grants";
import { sid, viaService } from "./policy-document";

/** A value the random provider generates at apply time. */
export interface GeneratedValueProps {
  readonly length: number;
  /** Include punctuation. */
  readonly special: boolean;
  /** The punctuation to draw from. @default - the random provider's set */
  readonly specialCharacters?: string;
}

/** Value of a JSON secret's key that is set out of band, until someone sets it. */
export const OUT_OF_BAND_PLACEHOLDER = "SET-OUT-OF-BAND";

export interface AppSecretProps {
  /** Secrets Manager name, `<app>/<env>/<name>`. */
  readonly secretName: string;
  readonly description?: string;
  /** CMK that encrypts the secret. */
  readonly kmsKeyArn: string;
  /** Days a deleted secret can be restored. */
  readonly recoveryWindowDays: number;
  /** Generate a single value. @default - see `keys` */
  readonly generate?: GeneratedValueProps;
  /**
   * A JSON secret: each key generated or "external" (set out of band; the stack then ignores
   * changes to the value so it is not reset). @default - neither: a placeholder with no version
   */
  readonly keys?: Readonly<Record<string, GeneratedValueProps | "external">>;
  /** Values that are not secret, stored beside `keys` in the JSON (a user name, a host). @default none */
  readonly plainValues?: Readonly<Record<string, string>>;
  /** Rotate with this Lambda every `days`. @default - no rotation (CKV2_AWS_57 suppressed with the reason) */
  readonly rotation?: { readonly lambdaArn: string; readonly days: number };
}

/**
 * A Secrets Manager secret encrypted with the CMK: generated with the random provider (only a
 * reference reaches the synthesized JSON; the value lives in Terraform state, which is
 * encrypted and access-controlled), a JSON secret with several keys, or a placeholder whose
 * value is set out of band (no version is created, so none is ever overwritten).
 */
export class AppSecret extends Construct {
  public readonly secretArn: string;
  public readonly secretName: string;
  /**
   * References to the generated values, by key (`value` for `generate`), for a resource
   * that must be given the same value (a database's master password).
   */
  public readonly generatedValues: Readonly<Record<string, string>>;
  private readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: AppSecretProps) {
    super(scope, id);
    if (props.generate && props.keys) throw new Error(`AppSecret ${this.node.path}: set \`generate\` or \`keys\`, not both.`);
    const secret = new SecretsmanagerSecret(this, "Secret", {
      name: props.secretName,
      description: props.description ?? `${props.secretName} (managed by cdktf)`,
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays: props.recoveryWindowDays,
    });
    this.secretArn = secret.arn;
    this.secretName = secret.name;
    this.kmsKeyArn = props.kmsKeyArn;

    const generatedValues: Record<string, string> = {};
    const password = (key: string, g: GeneratedValueProps) =>
      (generatedValues[key] = new Password(this, `Value-${key}`, {
        length: g.length,
        special: g.special,
        ...(g.special && g.specialCharacters ? { overrideSpecial: g.specialCharacters } : {}),
        minUpper: 1,
        minLower: 1,
        minNumeric: 1,
      }).result);
    this.generatedValues = generatedValues;
    if (props.generate) {
      new SecretsmanagerSecretVersion(this, "Version", { secretId: secret.id, secretString: password("value", props.generate) });
    } else if (props.keys) {
      const entries = Object.entries(props.keys);
      const generated = entries.map(([k, v]) => [k, v === "external" ? OUT_OF_BAND_PLACEHOLDER : password(k, v)]);
      const value = { ...props.plainValues, ...Object.fromEntries(generated) };
      const hasExternal = entries.some(([, v]) => v === "external");
      new SecretsmanagerSecretVersion(this, "Version", {
        secretId: secret.id,
        secretString: Fn.jsonencode(value),
        ...(hasExternal ? { lifecycle: { ignoreChanges: ["secret_string"] } } : {}),
      });
    }

    if (props.rotation) {
      new SecretsmanagerSecretRotation(this, "Rotation", {
        secretId: secret.id,
        rotationLambdaArn: props.rotation.lambdaArn,
        rotationRules: { automaticallyAfterDays: props.rotation.days },
      });
    } else {
      suppress(
        this,
        "CKV2_AWS_57",
        "No rotation function configured: the value is issued outside AWS or generated once; rotate it by the runbook in " +
          "docs/runbooks.md (Rotating secrets), or set secrets[].rotation in config.",
      );
    }
  }

  /** Let `grantee` read the value (e.g. an ECS execution role injecting it), decrypting through Secrets Manager only. */
  grantRead(grantee: Grantable): void {
    grantee.addToPolicy(
      {
        Sid: sid("Read", this.node.id),
        Effect: "Allow",
        Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
        Resource: this.secretArn,
      },
      {
        Sid: sid("Decrypt", this.node.id),
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: this.kmsKeyArn,
        Condition: viaService("secretsmanager"),
      },
    );
  }
}
