/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }] },
  reporters: ["default", "<rootDir>/scripts/jest-count-reporter.js"],
  testTimeout: 60000,
  // Jest defaults to cores - 1 workers: one on a 2-core machine. Suites spend most time
  // loading modules and spawning synth, which two workers overlap (26 s -> 19 s here).
  maxWorkers: "100%",
};
