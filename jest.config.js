/**
 * Three tiers: unit (pure logic, fakes allowed), integration (one service against real Postgres and Kafka), e2e (all
 * services as processes); browser: the help center in Debian's Chromium against those processes; and fault injection:
 * the services as processes under load while parts of them are killed.
 */
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Type checking is done once by `npm run typecheck`; here files are only transpiled, which keeps runs fast.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleNameMapper: { '^@helpgate/([a-z-]+)$': '<rootDir>/libs/$1/src' },
};

module.exports = {
  // Integration and e2e hooks start and stop real services; a unit test never comes near this bound.
  testTimeout: 120_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'], slowTestThreshold: 30 },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], slowTestThreshold: 60 },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      slowTestThreshold: 120,
      // Debian's Chromium, installed once when missing; each file starts its own stack from dist/.
      globalSetup: '<rootDir>/test/browser/support/global-setup.ts',
    },
    {
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'],
      slowTestThreshold: 300,
      // The table of what each scenario sent and what became of it is printed once all have run.
      globalSetup: '<rootDir>/test/faults/global-setup.ts',
      globalTeardown: '<rootDir>/test/faults/global-teardown.ts',
    },
  ],
};
