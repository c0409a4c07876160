/** @type {import('jest').Config} */
// Browser tests: real Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }] },
  testTimeout: 120_000,
  // One browser at a time: the machine has two cores and each test runs a whole chat.
  maxWorkers: 1,
};
