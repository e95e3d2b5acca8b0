// Jest setup, run once per worker process before its first test file (jest.config.js).
//
// The suite runs under jest-light-runner: test files load through Node's own module system,
// so a worker loads cdktf, the providers and the project once for all its files instead of
// once per file (Jest's default runner re-evaluates ~900 modules per file in a fresh
// sandbox), and code warmed up by one file stays fast for the next. Nothing is shared on
// purpose: no test mocks modules or changes the environment; helpers cache what they
// synthesize by the spec they were given.
//
// TypeScript (tests and project) loads through tsx, as `npm run schema` and the other
// scripts do (`npm test` type-checks first), with the project's files compiled in one
// esbuild call up front (compile-typescript.mjs says why). Registered here, as
// `node --import tsx` would, rather than through NODE_OPTIONS: the synth and CLI processes
// the tests spawn run exactly as a user's do.
import "tsx";
import { createRequire } from "node:module";
import { registerCompiledTypescript } from "./compile-typescript.mjs";

registerCompiledTypescript();

// The synth's speed-ups apply to the tests' in-process synths too (stacks/cdktf-speedups.ts).
createRequire(import.meta.url)("../stacks/cdktf-speedups").applyCdktfSpeedups();

// jest-light-runner has no per-test timeout: a test that never settles would hold CI until
// its job timeout. A worker process still running after WORKER_LIMIT_MINUTES says so and
// exits, which fails the file it was running. (A whole run takes under a minute.)
const WORKER_LIMIT_MINUTES = 10;
setTimeout(() => {
  console.error(`test worker ${process.pid} still running after ${WORKER_LIMIT_MINUTES} minutes: a test hangs; exiting`);
  process.exit(1);
}, WORKER_LIMIT_MINUTES * 60_000).unref();
