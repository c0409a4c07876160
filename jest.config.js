/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // Browser tests need Chromium and run through `npm run test:browser`.
  testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
    // syllable and flesch-kincaid (the readability test) ship as ES modules only.
    '^.+\\.js$': ['ts-jest', { isolatedModules: true, tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(syllable|flesch-kincaid|normalize-strings|pluralize)/)'],
};
