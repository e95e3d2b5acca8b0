/**
 * zod issues as config problems: the JSON path, what was expected and what was given, and
 * a "did you mean" for misspelt keys and enum values.
 */
import type { z } from "zod";
import { describeValue as show, didYouMean, formatPath, type Problem } from "./problems";
import { AppSpecSchema } from "./schema";

type Issue = z.core.$ZodIssue & { input?: unknown };

export function describeIssue(issue: Issue): Problem[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(AppSpecSchema, issue.path);
      return issue.keys.map((key) => {
        const hint = didYouMean(key, known);
        const preset = hint ? undefined : presetSettingFor(issue.path, key);
        const suggestion = hint
          ? ` (did you mean "${hint}"?)`
          : preset
            ? ` (did you mean "${preset}"? sizes, windows and thresholds are preset settings, set under overrides)`
            : "";
        return {
          path: formatPath([...issue.path, key]),
          message: `unknown key "${key}"${suggestion}; allowed here: ${known.join(", ")}`,
        };
      });
    }
    case "invalid_type":
      if (issue.input === undefined) return [{ path, message: `is required (${issue.expected})` }];
      if (typeof issue.input === "number" && !Number.isFinite(issue.input)) {
        return [{ path, message: "is a number too large for JSON to hold (it reads as infinity); give a real value" }];
      }
      return [{ path, message: `${issueText(issue, `expected ${issue.expected}`)} (got ${show(issue.input)})` }];
    case "invalid_value": {
      const options = issue.values.map(String);
      const hint = typeof issue.input === "string" ? didYouMean(issue.input, options) : undefined;
      const list = options.length > 12 ? `${options.slice(0, 12).join(", ")}, ...` : options.join(", ");
      if (issue.input === undefined) return [{ path, message: `is required; one of: ${list}` }];
      return [
        { path, message: `${show(issue.input)} is not allowed${hint ? ` (did you mean "${hint}"?)` : ""}; expected one of: ${list}` },
      ];
    }
    case "too_big":
    case "too_small":
      return [
        {
          path,
          message: issue.message.startsWith("Too ") ? `${sizeText(issue)} (got ${sizeOf(issue.input)})` : issueText(issue, issue.message),
        },
      ];
    case "invalid_key": {
      // The key is the path's last part: an empty or a long one is shown so that the path stays readable.
      const key = String(issue.path[issue.path.length - 1] ?? "");
      const shown = key === "" || key.length > 40 ? `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}...` : key)}]` : undefined;
      const where = shown ? `${formatPath(issue.path.slice(0, -1))}${shown}` : path;
      const what = issue.issues.map((i) =>
        (i.code === "too_big" || i.code === "too_small") && i.message.startsWith("Too ") ? sizeText(i) : i.message,
      );
      return [{ path: where, message: `key ${what.join("; ")}` }];
    }
    default:
      return [
        {
          path,
          message:
            issue.input === undefined || typeof issue.input === "object" ? issue.message : `${issue.message} (got ${show(issue.input)})`,
        },
      ];
  }
}

/** zod's "Too big: expected string to have <=20 characters" in the user's words. */
function sizeText(issue: Issue & { code: "too_big" | "too_small" }): string {
  const bound = `${issue.code === "too_big" ? "at most" : "at least"} ${String(issue.code === "too_big" ? issue.maximum : issue.minimum)}`;
  switch (issue.origin) {
    case "string":
      return `must be ${bound} character${(issue.code === "too_big" ? issue.maximum : issue.minimum) === 1 ? "" : "s"} long`;
    case "array":
    case "set":
      return `must have ${bound} ${entries(Number(issue.code === "too_big" ? issue.maximum : issue.minimum))}`;
    default:
      return `must be ${bound}`;
  }
}

const entries = (n: number) => (n === 1 ? "entry" : "entries");

/** What was given, sized: "28 characters", "0 entries", or the value. */
function sizeOf(input: unknown): string {
  if (typeof input === "string") return `${input.length} character${input.length === 1 ? "" : "s"}`;
  if (Array.isArray(input)) return `${input.length} ${entries(input.length)}`;
  return show(input);
}

/** Our own message where a schema gave one (`z.string({ error })`), zod's generic one otherwise. */
function issueText(issue: Issue, fallback: string): string {
  return issue.message.startsWith("Invalid input") ? fallback : issue.message;
}

/**
 * A setting written beside what it tunes instead of under `overrides`: `database.storageGb`
 * is `overrides.database.allocatedStorageGb` (`environments.prod.database.x` is
 * `environments.prod.overrides.database.x`, `environments.prod.cache` is
 * `environments.prod.overrides.cache`). The preset key equal to the unknown one, close to it,
 * or containing it.
 */
function presetSettingFor(path: readonly PropertyKey[], key: string): string | undefined {
  const inEnv = path[0] === "environments" && path.length >= 2;
  const base = inEnv ? ["environments", path[1], "overrides"] : ["overrides"];
  const rest = path.slice(inEnv ? 2 : 0).filter((seg) => typeof seg === "string");
  if (rest.length !== path.length - (inEnv ? 2 : 0) || rest.includes("overrides")) return undefined;
  const settings = knownKeysAt(AppSpecSchema, [...base, ...rest]);
  const lower = key.toLowerCase();
  const match =
    settings.find((k) => k.toLowerCase() === lower) ??
    didYouMean(key, settings) ??
    (key.length >= 4 ? settings.filter((k) => k.toLowerCase().includes(lower)).sort((a, b) => a.length - b.length)[0] : undefined);
  return match && formatPath([...base, ...rest, match]);
}

/** The keys an object schema accepts at a path, for "did you mean" hints. */
function knownKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.core.$ZodType | undefined = unwrap(schema);
  for (const seg of path) {
    if (!node) return [];
    const def = node._zod.def as unknown as Record<string, unknown>;
    if (def.type === "object") node = unwrap((def.shape as Record<string, z.core.$ZodType>)[String(seg)]);
    else if (def.type === "array") node = unwrap(def.element as z.core.$ZodType);
    else if (def.type === "record") node = unwrap(def.valueType as z.core.$ZodType);
    else return [];
  }
  const def = node?._zod.def as unknown as Record<string, unknown> | undefined;
  return def?.type === "object" ? Object.keys(def.shape as object) : [];
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let s = schema;
  while (s) {
    const def = s._zod.def as unknown as Record<string, unknown>;
    if (def.type === "optional" || def.type === "nullable" || def.type === "default") s = def.innerType as z.core.$ZodType;
    else break;
  }
  return s;
}
