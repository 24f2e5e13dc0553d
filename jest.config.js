/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  globalSetup: "<rootDir>/test/helpers/global-setup.ts",
  setupFilesAfterEnv: ["<rootDir>/test/helpers/restore-http.ts"],
  testTimeout: 30000,
  maxWorkers: 2,
};
