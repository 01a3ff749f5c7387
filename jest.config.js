const base = require('@jupiterone/integration-sdk-dev-tools/config/jest');

module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/src/**/*.test.ts',
    '<rootDir>/test/**/*.test.ts',
    '<rootDir>/tools/**/*.test.ts',
  ],
  setupFiles: ['<rootDir>/test/setup.ts'],
  testTimeout: 60000,
};
