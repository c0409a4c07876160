import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { loadConfig } from '../../bot/config';
import { buildAppPackage, PACKAGE_FILES } from '../../packaging/teams/appPackage';
import { buildManifest, PLACEHOLDER_BOT_ID } from '../../packaging/teams/manifest';
import { colorIcon, encodeIco } from '../../packaging/teams/icons';
import { decodePng, encodePng, readPngHeader } from '../../packaging/teams/png';

// The schemas ship inside @microsoft/app-manifest, so validation needs no network. Its own
// AppManifestUtils.validateAgainstSchema cannot load under jest (it requires an ES-module-only
// strip-bom), so this does what it does, with the same ajv draft-04 validator it depends on.
const schemaRoot = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const newestVersion = readdirSync(schemaRoot)
  .map((name) => /^v(\d+)\.(\d+)$/.exec(name))
  .filter((match): match is RegExpExecArray => match !== null)
  .sort((a, b) => Number(b[1]) - Number(a[1]) || Number(b[2]) - Number(a[2]))[0]?.[0];
const schemaFor = (file: string) => JSON.parse(readFileSync(join(schemaRoot, newestVersion ?? '', file), 'utf8'));
function validate(json: unknown, schemaFile: string): string[] {
  // unicodeRegExp off: the localization schema has a pattern ("\\b]") that only non-unicode RegExp accepts.
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const check = ajv.compile(schemaFor(schemaFile));
  return check(json) ? [] : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

const BOT_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

async function unzip(zip: Buffer): Promise<Record<string, Buffer>> {
  const archive = await JSZip.loadAsync(zip);
  const files: Record<string, Buffer> = {};
  for (const name of Object.keys(archive.files)) files[name] = await archive.file(name)!.async('nodebuffer');
  return files;
}

describe('Teams manifest', () => {
  it('uses the newest manifest schema that @microsoft/app-manifest ships', () => {
    expect(newestVersion).toBeDefined();
    const { manifest } = buildManifest({ botId: BOT_ID, validDomains: [], version: '1.0.0' });
    expect(`v${manifest.manifestVersion}`).toBe(newestVersion);
    expect(manifest.$schema).toContain(`/teams/${newestVersion}/MicrosoftTeams.schema.json`);
  });

  it.each([
    ['with a bot id and domains', { botId: BOT_ID, validDomains: ['bot.example.org'], version: '0.1.0' }],
    ['with the placeholder id and no domains', { validDomains: [], version: '0.1.0' }],
  ])('is valid against the schema %s', async (_name, settings) => {
    const { manifest } = buildManifest(settings);
    expect(validate(manifest, 'MicrosoftTeams.schema.json')).toEqual([]);
  });

  it('and the validator does catch a bad manifest', () => {
    const { manifest } = buildManifest({ botId: BOT_ID, validDomains: [], version: '0.1.0' });
    expect(validate({ ...manifest, accentColor: 'blue', name: { short: 'x'.repeat(31) } }, 'MicrosoftTeams.schema.json').length).toBeGreaterThanOrEqual(2);
  });

  it('is a personal-scope bot whose id is MicrosoftAppId', () => {
    const { manifest, warnings } = buildManifest({ botId: BOT_ID, validDomains: ['bot.example.org'], version: '0.1.0' });
    expect(manifest.bots).toEqual([expect.objectContaining({ botId: BOT_ID, scopes: ['personal'] })]);
    expect(manifest.id).toBe(BOT_ID);
    expect(warnings).toEqual([]);
  });

  it('falls back to a placeholder GUID, with a warning, when MicrosoftAppId is unset', () => {
    const { manifest, warnings } = buildManifest({ validDomains: ['bot.example.org'], version: '0.1.0' });
    expect(manifest.bots[0]?.botId).toBe(PLACEHOLDER_BOT_ID);
    expect(warnings.join(' ')).toMatch(/MicrosoftAppId is not set/);
  });

  it('refuses a MicrosoftAppId that is not a GUID', () => {
    expect(() => buildManifest({ botId: 'my-bot', validDomains: [], version: '0.1.0' })).toThrow(/GUID/);
  });

  it.each([
    [{ PUBLIC_URL: 'https://bot.example.org/' }, ['bot.example.org']],
    [{ PUBLIC_URL: 'https://bot.example.org:8443' }, ['bot.example.org:8443']],
    [{ PUBLIC_URL: 'https://bot.example.org', TEAMS_VALID_DOMAINS: 'a.example.org, *.b.example.org' }, ['a.example.org', '*.b.example.org']],
    [{}, []],
  ])('takes validDomains from %j', (env, expected) => {
    expect(loadConfig(env).teams.validDomains).toEqual(expected);
  });

  it('has a Spanish localization file valid against its schema, with every string translated', async () => {
    const { manifest } = buildManifest({ botId: BOT_ID, validDomains: [], version: '0.1.0' });
    const spanish = JSON.parse(readFileSync(join(__dirname, '../../packaging/teams/es.json'), 'utf8'));
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'es', file: 'es.json' }]);
    expect(validate(spanish, 'MicrosoftTeams.Localization.schema.json')).toEqual([]);
    expect(spanish['name.short']).not.toBe(manifest.name.short);
    expect(spanish['name.full']).not.toBe(manifest.name.full);
    expect(spanish['description.short']).not.toBe(manifest.description.short);
    expect(spanish['description.full']).not.toBe(manifest.description.full);
  });
});

describe('Teams icons', () => {
  it.each([
    ['color.png', 192],
    ['outline.png', 32],
  ])('%s is a %i-pixel square RGBA PNG', (file, size) => {
    const header = readPngHeader(readFileSync(join(__dirname, '../../packaging/teams', file)));
    expect(header).toEqual({ width: size, height: size, bitDepth: 8, colorType: 6 });
  });

  it('outline.png is white on transparent', () => {
    const { pixels } = decodePng(readFileSync(join(__dirname, '../../packaging/teams/outline.png')));
    let opaque = 0;
    for (let offset = 0; offset < pixels.length; offset += 4) {
      const alpha = pixels[offset + 3] ?? 0;
      if (alpha === 0) continue;
      opaque += 1;
      expect([pixels[offset], pixels[offset + 1], pixels[offset + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(0);
    expect(pixels[3]).toBe(0); // the corner is transparent
  });

  it('color.png has no transparent pixel', () => {
    const { pixels } = decodePng(readFileSync(join(__dirname, '../../packaging/teams/color.png')));
    for (let offset = 3; offset < pixels.length; offset += 4) if (pixels[offset] !== 255) throw new Error(`transparent pixel at ${offset}`);
  });
});

describe('Teams app package', () => {
  it('holds the manifest, its Spanish strings and both icons at the root', async () => {
    const { zip } = await buildAppPackage({ botId: BOT_ID, validDomains: ['bot.example.org'], version: '0.1.0' });
    const files = await unzip(zip);
    expect(Object.keys(files).sort()).toEqual([...PACKAGE_FILES].sort());
    const manifest = JSON.parse(files['manifest.json']!.toString('utf8'));
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    expect(validate(manifest, 'MicrosoftTeams.schema.json')).toEqual([]);
    expect(readPngHeader(files[manifest.icons.color]!).width).toBe(192);
    expect(readPngHeader(files[manifest.icons.outline]!).width).toBe(32);
  });
});

describe('npm run package:teams', () => {
  it('builds the package from the app id alone: the package holds no secret, so it needs no MicrosoftAppPassword', () => {
    const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', 'packaging/teams/package.ts'], {
      env: { PATH: process.env.PATH ?? '', MicrosoftAppId: BOT_ID, PUBLIC_URL: 'https://bot.example.org' },
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/MicrosoftAppPassword/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('appPackage.zip');
  });
});

it('the committed favicon is the colour icon drawn at 32×32 (npm run teams:icons)', () => {
  expect(readFileSync(join(__dirname, '..', '..', 'public', 'favicon.ico'))).toEqual(encodeIco(encodePng(colorIcon(32)), 32));
});
