/**
 * PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS (project rule, no scanner equivalent): its `description` below says
 * what it checks.
 */
import { fail, pass, type Rule } from "../../types";
import { looksLikeSecretName } from "../helpers";
import { plainEnvNames, SERVICE } from "./shared";

export const PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS: Rule = {
  id: "PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS",
  severity: "critical",
  resourceTypes: SERVICE,
  description:
    "No runtime environment variable whose name looks like a secret (password, secret, token, api_key, private key, " +
    "AWS keys); secrets come from runtime_environment_secrets.",
  fix: "`runtime_environment_secrets`: move the value to Secrets Manager and reference it there, not in `runtime_environment_variables`.",
  check: (s) => {
    const bad = plainEnvNames(s.config).filter(looksLikeSecretName);
    return bad.length ? fail(`plain environment variables ${bad.join(", ")} look like secrets`) : pass;
  },
};
