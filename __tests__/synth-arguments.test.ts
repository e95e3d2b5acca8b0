/** What `npm run synth -- ...` makes of its arguments (config/synth-arguments.ts); the entry point's runs are in entry-point.test.ts. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpecFile } from "../config/load";
import { parseSynthArguments, SynthUsageError } from "../config/synth-arguments";
import { baseSpec } from "./helpers";

const parse = (args: string[], env: NodeJS.ProcessEnv = {}) => parseSynthArguments(["node", "main.ts", ...args], env);
const usageError = (args: string[]) => {
  try {
    parse(args);
  } catch (e) {
    if (e instanceof SynthUsageError) return e.message;
    throw e;
  }
  throw new Error(`no usage error for ${args.join(" ")}`);
};

describe("synth arguments", () => {
  it("refuses an option it does not know, naming the one meant (a swapped pair of letters is one typo)", () => {
    expect(usageError(["--hlc"])).toBe("unknown option --hlc (did you mean --hcl?)");
    expect(usageError(["app.json", "--al"])).toBe("unknown option --al (did you mean --all?)");
    expect(usageError(["--hcl=true"])).toBe("--hcl takes no value (got --hcl=true)");
    expect(usageError(["--output", "x"])).toBe("unknown option --output");
    expect(usageError(["--"])).toBe("unknown option --");
  });

  it("takes --hcl, --all and --help, and SYNTH_HCL_OUTPUT=true", () => {
    expect(parse(["--hcl"])).toMatchObject({ hcl: true, help: false, files: ["app.config.json"], source: "default" });
    expect(parse([], { SYNTH_HCL_OUTPUT: "true" }).hcl).toBe(true);
    expect(parse([], { SYNTH_HCL_OUTPUT: "false" }).hcl).toBe(false);
    expect(parse(["-h"]).help).toBe(true);
    expect(parse(["--help"]).help).toBe(true);
    const all = parse(["--all"]).files;
    expect(all[0]).toBe("app.config.json");
    expect(all.slice(1)).toEqual(expect.arrayContaining(["examples/ecs-hipaa.json", "examples/apprunner-eu.json"]));
    expect(all.every((f) => f.endsWith(".json"))).toBe(true);
  });

  it("reads configs named on the command line, each once, before INFRA_CONFIG, and says when INFRA_CONFIG goes unused", () => {
    const named = parse(["a.json", "b.json", "./a.json"], { INFRA_CONFIG: "c.json" });
    expect(named.files).toEqual(["a.json", "b.json"]);
    expect(named.source).toBe("command line");
    expect(named.warnings).toEqual(["warning: INFRA_CONFIG=c.json is not used: the configs named on the command line are read"]);
    expect(parse(["a.json"], { INFRA_CONFIG: "c.json" }).warnings).toEqual([
      "warning: INFRA_CONFIG=c.json is not used: the config named on the command line is read",
    ]);
    expect(parse(["--all"], { INFRA_CONFIG: "c.json" }).warnings).toEqual([
      "warning: INFRA_CONFIG=c.json is not used: --all reads the default config and every example",
    ]);
    // Named on the command line too, it is read: nothing to say.
    expect(parse(["a.json", "./c.json"], { INFRA_CONFIG: "c.json" }).warnings).toEqual([]);
    expect(parse([], { INFRA_CONFIG: "c.json" })).toMatchObject({ files: ["c.json"], source: "INFRA_CONFIG", warnings: [] });
    expect(parse([], { INFRA_CONFIG: " " })).toMatchObject({ files: ["app.config.json"], source: "default" });
  });

  it("reads a relative path from where the user ran `npm run synth` (npm starts it in the package root)", () => {
    const npm = { npm_lifecycle_event: "synth", INIT_CWD: "/home/me/infra/configs" };
    expect(parse(["app.json", "/abs/b.json"], npm).files).toEqual(["/home/me/infra/configs/app.json", "/abs/b.json"]);
    expect(parse([], { ...npm, INFRA_CONFIG: "dev.json" }).files).toEqual(["/home/me/infra/configs/dev.json"]);
    // From the package root itself, and under another script (`npm test` passes INIT_CWD on), paths stay as given.
    expect(parse(["app.json"], { ...npm, INIT_CWD: process.cwd() }).files).toEqual(["app.json"]);
    expect(parse(["app.json"], { ...npm, npm_lifecycle_event: "test" }).files).toEqual(["app.json"]);
  });
});

describe("a config file that cannot be read", () => {
  const problemOf = (file: string, source?: Parameters<typeof loadSpecFile>[1]) => {
    try {
      loadSpecFile(file, source);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error(`${file} loaded`);
  };

  it("says why in words and what to do, by where it was named", () => {
    const dir = mkdtempSync(join(tmpdir(), "unreadable-"));
    try {
      expect(problemOf(dir, "command line")).toBe(
        `Config ${dir} has 1 problem:\n  - (file): is a directory, not a config file; ` +
          "name a config file (a relative path is read from where you ran the command)",
      );
      const missing = join(dir, "nope.json");
      expect(problemOf(missing, "INFRA_CONFIG")).toMatch(/- \(file\): file not found; set INFRA_CONFIG to a config file$/);
      expect(problemOf(missing)).toMatch(/- \(file\): file not found; set INFRA_CONFIG to a config file or create app\.config\.json$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names a byte order mark and a comment, and refuses a __proto__ key that validation would drop", () => {
    const dir = mkdtempSync(join(tmpdir(), "config-text-"));
    const file = join(dir, "app.json");
    const spec = JSON.stringify(baseSpec(), null, 2);
    try {
      writeFileSync(file, `\uFEFF${spec}`);
      expect(problemOf(file)).toMatch(/- \(file\): is not valid JSON: it starts with a byte order mark \(BOM\), .*without a BOM$/);
      writeFileSync(file, `// the demo app\n${spec}`);
      expect(problemOf(file)).toMatch(/unexpected "\/" at line 1, column 1 \(JSON has no comments: remove the \/\/ or \/\* \*\/ text\)$/);
      writeFileSync(file, spec.replace('"tags": {', '"tags": { "__proto__": "x",'));
      expect(problemOf(file)).toMatch(/- tags\.__proto__: \(line \d+\) is a name no field, tag or secret key may take/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
