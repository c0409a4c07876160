import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

// `npm start` builds with `tsc -b`, whose "is the output up to date?" check looks only at the
// project's root files. JSON the app imports (words, knowledge, SMS keywords) is compiled into
// dist/ too, so each file must be a root file, or a changed sentence would never reach dist/.

const root = join(__dirname, '..', '..');

function jsonFilesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    // The labelled corpus is measured by `npm run eval` and the tests, never loaded by the app.
    .filter((entry) => !entry.parentPath.includes(join('knowledge', 'corpus')))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

it('every JSON file of the app is a root file of the build, so a change to it rebuilds', () => {
  const configPath = join(root, 'tsconfig.build.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath);
  const rootFiles = new Set(parsed.fileNames.map((file) => relative(root, file)));
  const appJson = ['bot', 'check', 'dialogs', 'knowledge', 'locales'].flatMap(jsonFilesUnder);
  expect(appJson.length).toBeGreaterThan(5);
  expect(appJson.filter((file) => !rootFiles.has(file))).toEqual([]);
});
