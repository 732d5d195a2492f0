/** Two tiers: fast unit tests beside the code, integration tests on a real Neo4j in test/. */
const tsJest = ['ts-jest', {}];

/** @type {import('jest').Config} */
module.exports = {
  // Jest reads testTimeout from the global config only; the integration tier needs room on a loaded 2-core machine.
  testTimeout: 60_000,
  // A worker that has run many suites holds what they left (measured: heaps past 1.2 GB, and
  // CPU-bound specs 4-10 times slower late in a run than alone); past this it is replaced.
  workerIdleMemoryLimit: '512MB',
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
