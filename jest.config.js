/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  // Node's module system, one worker process per core, modules loaded once per worker:
  // __tests__/setup.mjs says why and how TypeScript loads. No per-test timeout under this
  // runner: setup.mjs ends a worker that runs for 10 minutes (a hung test fails its file).
  runner: "jest-light-runner/child-process",
  globalSetup: "<rootDir>/__tests__/global-setup.mjs",
  globalTeardown: "<rootDir>/__tests__/global-teardown.mjs",
  setupFiles: ["<rootDir>/__tests__/setup.mjs"],
  testSequencer: "<rootDir>/__tests__/sequencer.js",
  transform: {},
  reporters: ["default", "<rootDir>/scripts/jest-count-reporter.js"],
  // Jest defaults to cores - 1 workers: one on a 2-core machine. Suites spend much of their
  // time in the synth processes they spawn, which two workers overlap.
  maxWorkers: "100%",
};
