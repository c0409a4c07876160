import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { buildManifest, type ManifestSettings } from './manifest';

export const PACKAGE_FILES = ['manifest.json', 'es.json', 'color.png', 'outline.png'] as const;

/** The zip Teams sideloads: the manifest, its Spanish strings and the two icons, all at the root. */
export async function buildAppPackage(settings: ManifestSettings): Promise<{ zip: Buffer; warnings: string[] }> {
  const { manifest, warnings } = buildManifest(settings);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of ['es.json', 'color.png', 'outline.png']) zip.file(file, readFileSync(join(__dirname, file)));
  return { zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), warnings };
}
