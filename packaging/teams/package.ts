import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { version } from '../../package.json';
import { ConfigError, loadTeamsPackageSettings } from '../../bot/config';
import { withEnvFile } from '../../bot/envFile';
import { buildAppPackage } from './appPackage';

// npm run package:teams → packaging/teams/build/appPackage.zip, from the same environment the bot reads.
async function main(): Promise<void> {
  const settings = loadTeamsPackageSettings(withEnvFile(process.env));
  const { zip, warnings } = await buildAppPackage({ ...settings, version });
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  const outFile = join(__dirname, 'build', 'appPackage.zip');
  mkdirSync(join(__dirname, 'build'), { recursive: true });
  writeFileSync(outFile, zip);
  console.log(`Wrote ${relative(process.cwd(), outFile)} (${zip.length} bytes).`);
}

main().catch((error: unknown) => {
  // A bad setting is the person's to fix: its message is enough. Anything else keeps its stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
