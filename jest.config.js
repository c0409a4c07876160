/**
 * `npm test`: the fast default, for the edit-and-test loop. Everything but the slow suites below,
 * which `npm run test:all` (jest.all.config.js, then the browser tests) runs too, as CI does.
 * @type {import('jest').Config}
 */
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    // A real redis-server and whole bot processes (the shared-state, outage and multi-instance
    // tests; the in-memory snapshot tests stay in).
    '/test/storage/(?!snapshotState\\.test\\.ts$)',
    '/test/directline/store\\.test\\.ts$',
    // Hostile input in bulk, and load at the default limits (300 texts, 1,300 conversations, the
    // conversation simulator's traffic).
    '/test/fuzz/',
    '/test/ops/limits\\.test\\.ts$',
    // Every path through the dialog graph, in both languages.
    '/test/dialogs/walk\\.(en|es)\\.test\\.ts$',
  ],
};
