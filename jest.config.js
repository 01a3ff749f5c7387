const os = require('os');

const base = require('@jupiterone/integration-sdk-dev-tools/config/jest');

module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/src/**/*.test.ts',
    '<rootDir>/test/**/*.test.ts',
    '<rootDir>/tools/**/*.test.ts',
  ],
  setupFiles: ['<rootDir>/test/setup.ts'],
  // Jest's default (cores - 1) runs the suite in band on a 2-core machine,
  // yet the fault matrix spends much of its time waiting (rate-limit windows,
  // backoff, timeouts): a second worker uses that time even there.
  maxWorkers: Math.max(2, os.cpus().length - 1),
  testSequencer: '<rootDir>/test/sequencer.js',
  testTimeout: 60000,
};
