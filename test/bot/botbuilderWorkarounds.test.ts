import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// docs/botbuilder-workarounds.md lists where we step past botbuilder's public path. Each of
// those leans on internals of one version; this test fails when another is installed, so the
// list is re-checked before an upgrade goes in.

const root = join(__dirname, '..', '..');
const CHECKED_AGAINST = '4.23.3';
const packages = ['botbuilder', 'botbuilder-core', 'botbuilder-dialogs', 'botframework-connector'];

const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(require.resolve(`${name}/package.json`, { paths: [root] }), 'utf8')) as { version: string }).version;
const librarySource = (file: string): string => readFileSync(require.resolve(file, { paths: [root] }), 'utf8');

describe('botbuilder workarounds (docs/botbuilder-workarounds.md)', () => {
  it('names the version this test checks', () => {
    expect(readFileSync(join(root, 'docs', 'botbuilder-workarounds.md'), 'utf8')).toContain(`Checked against botbuilder ${CHECKED_AGAINST}`);
  });

  it.each(packages)('%s is the version the workarounds were checked against', (name) => {
    expect(installedVersion(name)).toBe(CHECKED_AGAINST);
  });

  it('ActivityHandler.run is still the one entry the adapter calls, which our bot overrides for messages', () => {
    expect(librarySource('botbuilder-core/lib/activityHandlerBase.js')).toContain('run(context) {');
  });

  it('CloudAdapter.process still does with a body only what CheckAdapter.handle copies, and would otherwise print and echo the error', () => {
    const source = librarySource('botbuilder/lib/cloudAdapter.js');
    expect(source).toContain('(0, activityValidator_1.validateAndFixActivity)(ActivityT.parse(req.body))');
    expect(source).toContain('req.headers.Authorization) !== null && _a !== void 0 ? _a : req.headers.authorization');
    expect(source).toContain('yield this.processActivity(authHeader, activity, logic)');
    expect(source).toContain('return end((_c = invokeResponse === null || invokeResponse === void 0 ? void 0 : invokeResponse.status) !== null && _c !== void 0 ? _c : botbuilder_core_1.StatusCodes.OK, invokeResponse === null || invokeResponse === void 0 ? void 0 : invokeResponse.body)');
    expect(librarySource('botbuilder/lib/activityValidator.js')).toContain('exports.validateAndFixActivity = validateAndFixActivity');
    expect(source).toContain('console.error(err)');
    expect(source).toContain('err.message');
  });

  it('BotState still keeps its storage and storage key as members we can reach', () => {
    const source = librarySource('botbuilder-core/lib/botState.js');
    expect(source).toContain('this.storage = storage');
    expect(source).toContain('this.storageKey = storageKey');
  });
});
