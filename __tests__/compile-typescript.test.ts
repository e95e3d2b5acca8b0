/**
 * The test workers' TypeScript comes from one esbuild build (compile-typescript.mjs), which
 * took ~4 s off a cold suite: check that it still serves this worker's files, so that a node
 * that no longer routes require() of .ts files through it does not undo that unnoticed, and
 * that no tsx was loaded to get there.
 * Likewise the node flags and environment global-setup.mjs gives the workers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runInFreshProcess } from "./helpers";

describe("the test workers' TypeScript", () => {
  it("loads from the one build of the run: this file and the project's modules it imports, none compiled by tsx", async () => {
    require("../constructs/secure-bucket");
    // The instance setup.mjs registered (one per process and URL); an .mjs file has no types here.
    const { typescriptLoads } = (await import(pathToFileURL(join(__dirname, "compile-typescript.mjs")).href)) as {
      typescriptLoads: { fromBuild: number; byTsx: number; buildFromGlobalSetup: boolean };
    };
    // Built once in Jest's process for every worker, not again in this one.
    expect(typescriptLoads.buildFromGlobalSetup).toBe(true);
    // This file and secure-bucket.ts's imports at least; every .ts file the worker has loaded so far.
    expect(typescriptLoads.fromBuild).toBeGreaterThan(10);
    expect(typescriptLoads.byTsx).toBe(0);
  });

  it("loads without tsx: test files reach require's loader through typescript-hooks.mjs, and archiver waits", () => {
    const loaded = Object.keys(require.cache);
    // tsx's hooks cost each worker ~0.2 s to start; nothing here needed them.
    expect(loaded.filter((file) => file.includes("/node_modules/tsx/"))).toEqual([]);
    // Loaded through require's own loader, the test file is in its cache.
    expect(loaded).toContain(__filename);
    // cdktf is loaded, its archiver a stand-in until an asset zips something (as in the synth).
    expect(loaded.some((file) => file.includes("/node_modules/cdktf/"))).toBe(true);
    const cdktfArchiver = createRequire(require.resolve("cdktf")).resolve("archiver");
    expect(loaded.filter((file) => file.includes("/node_modules/archiver/"))).toEqual([cdktfArchiver]);
    expect(require.cache[cdktfArchiver]!.loaded).toBe(true);
    expect(require.cache[cdktfArchiver]!.children).toEqual([]);
    expect(loaded.some((file) => file.includes("/node_modules/archiver-utils/"))).toBe(false);
  });

  it("hands a file the build does not serve (made after the run started) to tsx", () => {
    const dir = mkdtempSync(join(tmpdir(), "late-typescript-"));
    try {
      const file = join(dir, "late.ts");
      writeFileSync(file, "const typed: number = 6 * 7;\nexport default typed;\n");
      expect(runInFreshProcess(`console.log(require(${JSON.stringify(file)}).default)`)).toBe("42\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps stack traces on the TypeScript source, line and column", () => {
    const thrown = (() => {
      try {
        throw new Error("here");
      } catch (e) {
        return (e as Error).stack!.split("\n")[1];
      }
    })();
    const line =
      readFileSync(__filename, "utf8")
        .split("\n")
        .findIndex((l) => l.includes('throw new Error("here")')) + 1;
    expect(thrown).toContain(`${__filename}:${line}:`);
  });
});

describe("the test workers' node flags and environment", () => {
  type GlobalSetup = {
    WORKER_SEMI_SPACE_MIB: number;
    prepareWorkerProcess: (env: Record<string, string | undefined>, execArgv: string[]) => void;
  };
  const globalSetup = async () => (await import(pathToFileURL(join(__dirname, "global-setup.mjs")).href)) as GlobalSetup;

  it("are made by global setup: no NODE_EXTRA_CA_CERTS, a larger young generation, once", async () => {
    const { prepareWorkerProcess, WORKER_SEMI_SPACE_MIB } = await globalSetup();
    const env = { NODE_EXTRA_CA_CERTS: "/etc/ssl/certs/ca-certificates.crt", PATH: "/usr/bin" };
    const execArgv = ["--enable-source-maps"];
    prepareWorkerProcess(env, execArgv);
    prepareWorkerProcess(env, execArgv);
    expect(env).toEqual({ PATH: "/usr/bin" });
    expect(execArgv).toEqual(["--enable-source-maps", `--max-semi-space-size=${WORKER_SEMI_SPACE_MIB}`]);
    // A size given on Jest's own command line is kept.
    const given = ["--max-semi-space-size=8"];
    prepareWorkerProcess({}, given);
    expect(given).toEqual(["--max-semi-space-size=8"]);
  });

  it("reach this worker: node 20 parses NODE_EXTRA_CA_CERTS at every start, and the tests make no TLS connection", async () => {
    const { WORKER_SEMI_SPACE_MIB } = await globalSetup();
    expect(process.execArgv).toContain(`--max-semi-space-size=${WORKER_SEMI_SPACE_MIB}`);
    expect(process.env.NODE_EXTRA_CA_CERTS).toBeUndefined();
  });
});
