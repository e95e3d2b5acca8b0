/**
 * Load a config file: read, parse JSON (with line and column on a syntax error), validate.
 */
import { readFileSync } from "node:fs";
import { scanJson } from "./json-scan";
import { ConfigError } from "./problems";
import type { AppSpec } from "./schema";
import { validateSpec } from "./validate";

/** The config used when INFRA_CONFIG is not set. */
export const DEFAULT_CONFIG_FILE = "app.config.json";

/** The config file named by INFRA_CONFIG, or the default one. */
export function configFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.INFRA_CONFIG && env.INFRA_CONFIG.trim() !== "" ? env.INFRA_CONFIG : DEFAULT_CONFIG_FILE;
}

/** Where a config file was named: what to tell the user when it cannot be read. */
export type ConfigSource = "command line" | "INFRA_CONFIG" | "default";

/** What to do about a config file that cannot be read, by where it was named. */
const UNREADABLE_HINT: Readonly<Record<ConfigSource, string>> = {
  "command line": "name a config file (a relative path is read from where you ran the command)",
  INFRA_CONFIG: "set INFRA_CONFIG to a config file",
  default: `set INFRA_CONFIG to a config file or create ${DEFAULT_CONFIG_FILE}`,
};

/** Why a file could not be read, in words: node's error codes are not. */
function unreadable(e: NodeJS.ErrnoException): string {
  if (e.code === "ENOENT") return "file not found";
  if (e.code === "EISDIR") return "is a directory, not a config file";
  if (e.code === "EACCES") return "not readable (permission denied)";
  return e.message;
}

/** Read and validate a config file; throws ConfigError listing every problem. */
export function loadSpecFile(file: string, source: ConfigSource = "default"): AppSpec {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ConfigError(file, [{ path: "(file)", message: `${unreadable(e as NodeJS.ErrnoException)}; ${UNREADABLE_HINT[source]}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(file, [{ path: "(file)", message: `is not valid JSON: ${jsonErrorWhere(text, e as Error)}` }]);
  }
  const scan = scanJson(text);
  const duplicates = [
    ...scan.duplicateKeys.map((d) => ({
      path: d.path,
      message: `written twice (again on line ${d.line}); JSON keeps only the last one, so the first is silently lost`,
    })),
    ...scan.protoKeys.map((d) => ({
      path: d.path,
      message: `(line ${d.line}) is a name no field, tag or secret key may take: it would be dropped without a word`,
    })),
  ];
  const result = validateSpec(raw);
  if (!result.ok || duplicates.length > 0) {
    throw new ConfigError(file, [...duplicates, ...(result.ok ? [] : result.problems)], result.ok ? undefined : result.note);
  }
  return result.spec;
}

/** "unexpected "}" at line 4, column 1" for text JSON.parse rejected, with what it likely is (a BOM, a comment). */
function jsonErrorWhere(text: string, e: Error): string {
  if (text.startsWith("\uFEFF")) return "it starts with a byte order mark (BOM), invisible in most editors: save it as UTF-8 without a BOM";
  const at = scanJson(text).error;
  if (!at) return e.message;
  const comment = at.found === '"/"' ? " (JSON has no comments: remove the // or /* */ text)" : "";
  return `unexpected ${at.found} at line ${at.line}, column ${at.column}${comment}`;
}
