/**
 * App Runner: neither Checkov nor Trivy has a rule (scanner-rules.md §2.17), so these are
 * project rules for what a HIPAA/GDPR reviewer asks of a service holding PHI.
 */
import { fail, pass, type Rule } from "../types";
import { get, looksLikeSecretName } from "./helpers";

const SERVICE = ["aws_apprunner_service"];

/** Environment variable names of a service's image or code configuration. */
function plainEnvNames(s: Record<string, unknown>): string[] {
  const configs = [
    get(s, "source_configuration.image_repository.image_configuration"),
    get(s, "source_configuration.code_repository.code_configuration.code_configuration_values"),
  ];
  return configs.flatMap((c) => Object.keys((get(c, "runtime_environment_variables") as Record<string, unknown> | undefined) ?? {}));
}

export const apprunnerRules: Rule[] = [
  {
    id: "PRJ_APPRUNNER_CMK", severity: "high", resourceTypes: SERVICE,
    description: "encryption_configuration.kms_key is set: the service's source and logs are encrypted with the customer-managed key.",
    fix: "Set encryption_configuration { kms_key = <environment data key ARN> }.",
    check: (s) => (get(s.config, "encryption_configuration.kms_key") ? pass : fail("the service uses an AWS-owned key")),
  },
  {
    id: "PRJ_APPRUNNER_VPC_EGRESS", severity: "high", resourceTypes: SERVICE,
    description: "Outbound traffic leaves through a VPC connector (egress_type VPC), so the database and cache stay in private subnets.",
    fix: "Set network_configuration.egress_configuration { egress_type = \"VPC\", vpc_connector_arn = <connector> }.",
    check: (s) => {
      const egress = get(s.config, "network_configuration.egress_configuration");
      return get(egress, "egress_type") === "VPC" && get(egress, "vpc_connector_arn") ? pass : fail("egress goes to the internet, not through the VPC");
    },
  },
  {
    id: "PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS", severity: "critical", resourceTypes: SERVICE,
    description: "No runtime environment variable whose name looks like a secret (password, secret, token, api_key, private key, AWS keys); secrets come from runtime_environment_secrets.",
    fix: "Move the value to Secrets Manager and reference it in runtime_environment_secrets.",
    check: (s) => {
      const bad = plainEnvNames(s.config).filter(looksLikeSecretName);
      return bad.length ? fail(`plain environment variables ${bad.join(", ")} look like secrets`) : pass;
    },
  },
];
