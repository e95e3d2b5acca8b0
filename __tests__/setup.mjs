// Jest setup, run once per worker process before its first test file (jest.config.js).
//
// The suite runs under jest-light-runner: test files load through Node's own module system,
// so a worker loads cdktf, the providers and the project once for all its files instead of
// once per file (Jest's default runner re-evaluates ~900 modules per file in a fresh
// sandbox), and code warmed up by one file stays fast for the next. Nothing is shared on
// purpose: no test mocks modules or changes the environment; helpers cache what they
// synthesize by the spec they were given.
//
// TypeScript (tests and project) is CommonJS compiled by esbuild, as tsx compiles it for
// `npm run schema` and the other scripts (`npm test` type-checks first): every file in one
// esbuild call before the workers start (compile-typescript.mjs says why), test files handed
// from node's `import()` to `require` by typescript-hooks.mjs, tsx only for a file the build
// does not serve. Registered here rather than through NODE_OPTIONS: the synth and CLI
// processes the tests spawn run exactly as a user's do.
import { createRequire, register } from "node:module";
import { registerCompiledTypescript } from "./compile-typescript.mjs";

register("./typescript-hooks.mjs", import.meta.url);
registerCompiledTypescript();
// A stack trace names the .ts file and line (the build's inline source maps), as under tsx.
process.setSourceMapsEnabled(true);

// The synth's speed-ups apply to the tests' in-process synths too (stacks/cdktf-speedups.ts),
// and cdktf's archiver loads when first called, as in the synth (scripts/run-bundled.js).
const require = createRequire(import.meta.url);
require("../scripts/run-bundled").deferArchiver(require.resolve("cdktf"));
require("../stacks/cdktf-speedups").applyCdktfSpeedups();

// jest-light-runner has no per-test timeout: a test that never settles would hold CI until
// its job timeout. A worker process still running after WORKER_LIMIT_MINUTES says so and
// exits, which fails the file it was running. (A whole run takes under a minute.)
const WORKER_LIMIT_MINUTES = 10;
setTimeout(() => {
  console.error(`test worker ${process.pid} still running after ${WORKER_LIMIT_MINUTES} minutes: a test hangs; exiting`);
  process.exit(1);
}, WORKER_LIMIT_MINUTES * 60_000).unref();
