/**
 * Checks of `delivery.github` that need a schema-valid spec: role names once filled in,
 * roles that clash in a shared account, and settings that would undo what the roles are for.
 */
import { fillTemplate } from "./naming";
import type { Problem } from "./problems";
import { declaredEnvironments } from "./resolve";
import { resolveDelivery } from "./resolve-delivery";
import type { AppSpec } from "./schema";

const IAM_ROLE_NAME = /^[A-Za-z0-9+=,.@_-]{1,64}$/;

export function deliveryProblems(spec: AppSpec): Problem[] {
  const gh = spec.delivery?.github;
  if (!gh) return [];
  const problems: Problem[] = [];
  const declared = declaredEnvironments(spec);
  (gh.pullRequestPlans ?? []).forEach((env, i) => {
    if (!declared.includes(env)) {
      problems.push({ path: `delivery.github.pullRequestPlans[${i}]`, message: `environment ${env} is not declared in environments` });
    }
  });
  const badTemplates = new Set<string>();
  for (const field of ["planRoleName", "deployRoleName"] as const) {
    const leftover = gh[field] && fillTemplate(gh[field], { app: "", env: "", account: "", region: "" }).match(/\{[^}]*\}/);
    if (leftover) {
      badTemplates.add(field);
      problems.push({
        path: `delivery.github.${field}`,
        message: `unknown placeholder ${leftover[0]}; use {app}, {env}, {account} or {region}`,
      });
    }
  }
  const owners = new Map<string, string>();
  for (const env of declared) {
    const e = spec.environments[env]!;
    if (e.deployRoleArn) {
      problems.push({
        path: `environments.${env}.deployRoleArn`,
        message:
          `${env}: with delivery.github, CI runs Terraform as the GitHub plan and deploy roles themselves; a deployRoleArn would make ` +
          "the provider assume it from the read-only plan role too. Remove it, and run Terraform outside CI as a role listed in " +
          "state.principalArns or state.breakGlassRoleArn",
      });
    }
    const d = resolveDelivery(spec, env)!;
    for (const [field, role] of [
      ["planRoleName", d.plan],
      ["deployRoleName", d.deploy],
    ] as const) {
      const path = `delivery.github.${field}`;
      if (badTemplates.has(field)) continue;
      if (!IAM_ROLE_NAME.test(role.roleName)) {
        problems.push({ path, message: `${env}: role name "${role.roleName}" is ${role.roleName.length} characters; IAM allows 1-64` });
      }
      const key = `${e.accountId} ${role.roleName}`;
      const other = owners.get(key);
      if (other) {
        problems.push({
          path,
          message: `${other} and ${env}: both name role "${role.roleName}" in account ${e.accountId}; put {env} in the name template`,
        });
      } else owners.set(key, `${env} ${field}`);
    }
  }
  return problems;
}
