/**
 * What every node test run shares (jest.config.js: the fast default; jest.all.config.js: all of it).
 * @type {import('jest').Config}
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // Browser tests need Chromium and run through their own config (jest.browser.config.js).
  testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
  // jest's 5 s default fails tests that are merely slow on a busy two-core machine (a whole check
  // over HTTP, an app's start-up); tests about time set their own limits.
  testTimeout: 30_000,
  // Transpile only, file by file (no type check: `npm run typecheck` does that). Said as the
  // compiler option, since ts-jest's own `isolatedModules` option prints a deprecation warning.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }],
    // syllable and flesch-kincaid (the readability test) ship as ES modules only.
    '^.+\\.js$': ['ts-jest', { tsconfig: { isolatedModules: true, allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(syllable|flesch-kincaid|normalize-strings|pluralize)/)'],
};
