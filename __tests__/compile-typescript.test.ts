/**
 * The test workers' TypeScript comes from one esbuild build (compile-typescript.mjs), which
 * took ~4 s off a cold suite: check that it still serves this worker's files, so that a node
 * or tsx that no longer routes require() of .ts files through it does not undo that unnoticed.
 * Likewise the node flags and environment global-setup.mjs gives the workers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

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
