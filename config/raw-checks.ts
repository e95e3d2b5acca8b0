/**
 * Cross-field checks on the raw config, so they are reported together with the schema's
 * problems even when other parts of the file have the wrong type: residency, duplicates,
 * guardrail suppressions, alarm thresholds. Each reads defensively.
 */
import { suppressionProblem } from "../guardrails/suppressions";
import { AWS_TAGS_PER_RESOURCE, MAX_CONFIG_TAGS, PLATFORM_KEY_PURPOSES, PLATFORM_TAG_KEYS, RESOURCE_TAG_KEYS } from "./naming";
import { EEA_REGIONS, partitionOf } from "./regions";
import { describeValue as show, type Problem } from "./problems";
import { ENVIRONMENTS } from "./schema";

const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

export function residencyProblems(raw: unknown): Problem[] {
  const spec = obj(raw);
  const allowed = spec?.allowedRegions;
  if (!spec || !Array.isArray(allowed)) return [];
  const problems: Problem[] = [];
  const check = (region: unknown, path: string) => {
    if (typeof region === "string" && !allowed.includes(region)) {
      problems.push({ path, message: `region "${region}" is outside allowedRegions (${allowed.join(", ")}): data residency forbids it` });
    }
  };
  check(spec.primaryRegion, "primaryRegion");
  check(spec.drRegion, "drRegion");
  check(obj(spec.state)?.region, "state.region");
  const envs = obj(spec.environments) ?? {};
  for (const env of ENVIRONMENTS) {
    const e = obj(envs[env]);
    check(e?.region, `environments.${env}.region`);
    check(obj(e?.state)?.region, `environments.${env}.state.region`);
  }
  if (obj(spec.environments) && !ENVIRONMENTS.some((e) => envs[e] !== undefined)) {
    problems.push({ path: "environments", message: `declares no environment; add at least one of ${ENVIRONMENTS.join(", ")}` });
  }
  return problems;
}

export function duplicateProblems(raw: unknown): Problem[] {
  const spec = obj(raw);
  if (!spec) return [];
  const problems: Problem[] = [];
  /** `noun`: what the entries are, in the user's words ("bucket name", "region"). */
  const dupes = (list: unknown, path: string, noun: string, key?: string) => {
    if (!Array.isArray(list)) return;
    const seen = new Map<unknown, number>();
    list.forEach((item, i) => {
      const value = key ? obj(item)?.[key] : item;
      if (value === undefined) return;
      const first = seen.get(value);
      const shown = typeof value === "string" ? JSON.stringify(value) : show(value);
      if (first !== undefined) {
        problems.push({
          path: `${path}[${i}]${key ? `.${key}` : ""}`,
          message: `duplicate ${noun} ${shown}, already at ${path}[${first}]`,
        });
      } else seen.set(value, i);
    });
  };
  dupes(spec.buckets, "buckets", "bucket name", "name");
  dupes(spec.secrets, "secrets", "secret name", "name");
  dupes(spec.keys, "keys", "key purpose", "purpose");
  dupes(spec.services, "services", "service name", "name");
  dupes(spec.logMetricAlarms, "logMetricAlarms", "alarm name", "name");
  dupes(spec.alarmEmails, "alarmEmails", "address");
  dupes(spec.allowedRegions, "allowedRegions", "region");
  dupes(spec.compliance, "compliance", "framework");
  dupes(obj(spec.state)?.principalArns, "state.principalArns", "role");
  for (const env of ENVIRONMENTS) {
    dupes(obj(obj(obj(spec.environments)?.[env])?.state)?.principalArns, `environments.${env}.state.principalArns`, "role");
  }
  return problems;
}

export function suppressionProblems(raw: unknown): Problem[] {
  const list = obj(obj(raw)?.guardrails)?.suppressions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i) => {
    const s = obj(item);
    if (!s || typeof s.rule !== "string" || typeof s.reason !== "string") return [];
    const problem = suppressionProblem(s.rule, s.reason);
    if (!problem) return [];
    const field = problem.startsWith("unknown rule") ? "rule" : "reason";
    return [{ path: `guardrails.suppressions[${i}].${field}`, message: problem }];
  });
}

export function alarmProblems(raw: unknown): Problem[] {
  const list = obj(raw)?.logMetricAlarms;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i) => {
    const a = obj(item);
    return a && typeof a.warning === "number" && typeof a.critical === "number" && a.warning > a.critical
      ? [{ path: `logMetricAlarms[${i}].warning`, message: `warning threshold ${a.warning} is above critical ${a.critical}` }]
      : [];
  });
}

/**
 * Every list of environment names names declared environments: `replicateIn: ["staging"]`
 * without a staging environment would otherwise replicate nothing, silently.
 */
export function environmentReferenceProblems(raw: unknown): Problem[] {
  const spec = obj(raw);
  const envs = obj(spec?.environments);
  if (!spec || !envs) return [];
  const declared = ENVIRONMENTS.filter((e) => envs[e] !== undefined);
  const problems: Problem[] = [];
  const check = (list: unknown, path: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((name, i) => {
      if (typeof name === "string" && (ENVIRONMENTS as readonly string[]).includes(name) && !declared.includes(name as never)) {
        problems.push({
          path: `${path}[${i}]`,
          message: `environment "${name}" is not declared under environments (declared: ${declared.join(", ") || "none"})`,
        });
      }
    });
  };
  const each = (list: unknown, path: string, field: string) =>
    Array.isArray(list) && list.forEach((item, i) => check(obj(item)?.[field], `${path}[${i}].${field}`));
  each(spec.buckets, "buckets", "replicateIn");
  check(obj(spec.database)?.replicateIn, "database.replicateIn");
  each(obj(spec.guardrails)?.suppressions, "guardrails.suppressions", "environments");
  return problems;
}

const accountOfRole = (arn: unknown): string | undefined =>
  typeof arn === "string" ? /^arn:[^:]+:iam::(\d{12}):role\//.exec(arn)?.[1] : undefined;

/**
 * A role the provider assumes lives in the account the provider is pinned to
 * (`allowed_account_ids`): otherwise synth succeeds and every plan fails. The state's
 * break-glass role lives in the state account, where the key policy can admit it.
 */
export function roleAccountProblems(raw: unknown): Problem[] {
  const spec = obj(raw);
  const envs = obj(spec?.environments);
  if (!spec || !envs) return [];
  const problems: Problem[] = [];
  for (const env of ENVIRONMENTS) {
    const e = obj(envs[env]);
    if (!e || typeof e.accountId !== "string") continue;
    const state = { ...obj(spec.state), ...obj(e.state) };
    const stateAccount = typeof state.accountId === "string" ? state.accountId : e.accountId;
    const region = typeof e.region === "string" ? e.region : typeof spec.primaryRegion === "string" ? spec.primaryRegion : undefined;
    const stateRegion = typeof state.region === "string" ? state.region : region;
    const statePath = (field: string) => (obj(e.state)?.[field] !== undefined ? `environments.${env}.state.${field}` : `state.${field}`);
    const refused = "the provider refuses any other account, so every plan would fail";
    const roles = [
      { arn: e.deployRoleArn, path: `environments.${env}.deployRoleArn`, what: `environment ${env}`, account: e.accountId, region },
      { arn: state.roleArn, path: statePath("roleArn"), what: `the state of ${env}`, account: stateAccount, region: stateRegion },
      {
        arn: state.breakGlassRoleArn,
        path: statePath("breakGlassRoleArn"),
        what: `the state of ${env}`,
        account: stateAccount,
        region: stateRegion,
        consequence: "no role of another account can use the state key, so it would break no glass",
      },
    ];
    for (const { arn, path, what, account, region: inRegion, consequence = refused } of roles) {
      const roleAccount = accountOfRole(arn);
      if (!roleAccount) continue;
      if (roleAccount !== account) {
        problems.push({ path, message: `role is in account ${roleAccount}, but ${what} is account ${account}: ${consequence}` });
      }
      const partition = String(arn).split(":")[1];
      if (inRegion && partition !== partitionOf(inRegion)) {
        problems.push({
          path,
          message:
            `role is in partition ${partition}, but ${what} runs in ${inRegion} ` +
            `(partition ${partitionOf(inRegion)}): no role crosses partitions`,
        });
      }
    }
  }
  return problems;
}

/** A config key may not take a purpose the platform's own keys use (its alias would clash). */
export function keyPurposeProblems(raw: unknown): Problem[] {
  const list = obj(raw)?.keys;
  if (!Array.isArray(list)) return [];
  const reserved: readonly unknown[] = Object.values(PLATFORM_KEY_PURPOSES);
  return list.flatMap((item, i) => {
    const purpose = obj(item)?.purpose;
    return reserved.includes(purpose)
      ? [
          {
            path: `keys[${i}].purpose`,
            message: `"${purpose}" is reserved: the platform's own keys use ${reserved.join(", ")}; choose another purpose`,
          },
        ]
      : [];
  });
}

/**
 * A config's tags (top-level, and each environment's): none of the platform's own keys, which
 * would be overwritten without a word, and no more than MAX_CONFIG_TAGS in an environment.
 */
export function tagProblems(raw: unknown): Problem[] {
  const spec = obj(raw);
  const top = obj(spec?.tags) ?? {};
  const problems: Problem[] = [];
  const reserved = (tags: Record<string, unknown>, path: string) => {
    for (const key of Object.keys(tags)) {
      const everywhere = (PLATFORM_TAG_KEYS as readonly string[]).includes(key);
      if (!everywhere && !(RESOURCE_TAG_KEYS as readonly string[]).includes(key)) continue;
      const where = everywhere ? `every resource (${PLATFORM_TAG_KEYS.join(", ")})` : `some resources (${RESOURCE_TAG_KEYS.join(", ")})`;
      problems.push({ path: `${path}.${key}`, message: `is set by the platform on ${where}, over yours; choose another key` });
    }
  };
  reserved(top, "tags");
  for (const [env, value] of Object.entries(obj(spec?.environments) ?? {})) {
    const own = obj(obj(value)?.tags) ?? {};
    reserved(own, `environments.${env}.tags`);
    const count = new Set([...Object.keys(top), ...Object.keys(own)]).size;
    if (count > MAX_CONFIG_TAGS) {
      problems.push({
        path: Object.keys(own).length > 0 ? `environments.${env}.tags` : "tags",
        message:
          `${env}: ${count} tags, with the top-level ones; at most ${MAX_CONFIG_TAGS} (AWS allows ${AWS_TAGS_PER_RESOURCE} ` +
          `per resource, and the platform sets ${AWS_TAGS_PER_RESOURCE - MAX_CONFIG_TAGS})`,
      });
    }
  }
  return problems;
}

/**
 * GDPR: an allowed region outside the EEA is where personal data may go (the DR region's
 * replicas and backup copies included), so each needs a `residencyAcknowledgements` entry
 * giving the transfer's basis; an acknowledgement of a region that is not allowed, or is in
 * the EEA, is stale.
 */
export function gdprResidencyProblems(raw: unknown): Problem[] {
  const spec = obj(raw);
  const allowed = spec?.allowedRegions;
  const acks = Array.isArray(spec?.residencyAcknowledgements) ? spec.residencyAcknowledgements : [];
  if (!spec || !Array.isArray(allowed)) return [];
  const gdpr = Array.isArray(spec.compliance) && spec.compliance.includes("gdpr");
  const acknowledged = new Map<unknown, number>(acks.map((a, i) => [obj(a)?.region, i]));
  const problems: Problem[] = [];
  if (gdpr) {
    allowed.forEach((region, i) => {
      if (typeof region !== "string" || EEA_REGIONS.includes(region as never) || acknowledged.has(region)) return;
      const dr = spec.drRegion === region ? " (drRegion: bucket replicas and database backups go there)" : "";
      problems.push({
        path: `allowedRegions[${i}]`,
        message:
          `region "${region}" is outside the EEA and compliance includes gdpr: personal data may be transferred there${dr} ` +
          `(GDPR Art. 44-46). Remove it, or add { "region": "${region}", "reason": "<the transfer's legal basis>" } ` +
          "to residencyAcknowledgements",
      });
    });
  }
  acks.forEach((a, i) => {
    const region = obj(a)?.region;
    if (typeof region !== "string") return;
    const why = !gdpr
      ? "compliance does not include gdpr"
      : !allowed.includes(region)
        ? "it is not in allowedRegions"
        : EEA_REGIONS.includes(region as never)
          ? "it is inside the EEA"
          : undefined;
    if (why)
      problems.push({ path: `residencyAcknowledgements[${i}].region`, message: `acknowledges "${region}" for nothing: ${why}; remove it` });
  });
  return problems;
}
