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
  // Transpile only, file by file (no type check: `npm run typecheck` does that). Said as the
  // compiler option, since ts-jest's own `isolatedModules` option prints a deprecation warning.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }],
    // syllable and flesch-kincaid (the readability test) ship as ES modules only.
    '^.+\\.js$': ['ts-jest', { tsconfig: { isolatedModules: true, allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(syllable|flesch-kincaid|normalize-strings|pluralize)/)'],
};
