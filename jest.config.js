/** Two tiers: fast unit tests beside the code, integration tests on a real Neo4j in test/. */
const tsJest = ['ts-jest', {}];

/** @type {import('jest').Config} */
module.exports = {
  // Jest reads testTimeout from the global config only; the integration tier needs room on a loaded 2-core machine.
  testTimeout: 60_000,
  // A worker that has run many suites holds their modules; past this it is replaced, so a
  // CPU-heavy suite late in the run does not spend its time collecting garbage.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
        '<rootDir>/test/**/*.spec.ts',
      ],
      transform: { '^.+\\.ts$': tsJest },
      setupFiles: ['reflect-metadata'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
    },
  ],
};
