/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  // The package's own export (package.json "exports"), as a test or the demo imports it.
  moduleNameMapper: { "^helpdesk-memory/client$": "<rootDir>/src/client/index.ts" },
  globalSetup: "<rootDir>/test/helpers/global-setup.ts",
  // lists the tests skipped for a missing service (test/helpers/services.ts)
  globalTeardown: "<rootDir>/test/helpers/global-teardown.ts",
  setupFilesAfterEnv: ["<rootDir>/test/helpers/restore-http.ts"],
  testTimeout: 30000,
  maxWorkers: 2,
  // A fresh worker process for every test file: nock patches Node's http module, which would
  // otherwise outlive a file's module registry and catch the next file's requests.
  workerIdleMemoryLimit: "1MB",
};
