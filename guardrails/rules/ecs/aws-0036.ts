/**
 * AWS-0036 (Trivy AWS-0036): its `description` below says what it checks.
 * Scanner source: aquasecurity/trivy-checks/checks/cloud/aws/ecs/no_plaintext_secrets.rego.
 */
import type { Rule } from "../../types";
import { blocks, looksLikeSecretName } from "../helpers";
import { everyContainer, TASK } from "./shared";

export const AWS_0036: Rule = {
  id: "AWS-0036",
  trivy: ["AWS-0036", "aws-ecs-no-plaintext-secrets"],
  severity: "critical",
  resourceTypes: TASK,
  description:
    "No environment variable whose name contains password, secret, private_key, token, api_key or AWS key names " +
    "(token_type*/version* allowed).",
  fix: "`container_definitions[].secrets[].valueFrom`: pass secrets this way, and keep those words out of `environment` variable names.",
  check: (r) =>
    everyContainer(r, (c) => {
      const names = blocks(c.environment).map((e) => String(e.name ?? ""));
      const bad = names.filter(looksLikeSecretName);
      return bad.length ? `${c.name}: environment ${bad.join(", ")} looks like a secret` : undefined;
    }),
};
