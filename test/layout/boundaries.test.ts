import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The layers the README describes, held against the imports themselves: knowledge/ at the bottom
// importing nothing of ours, check/ plain TypeScript above it, and no two files importing each
// other round a loop. A newcomer can then read any folder without the ones above it.

const ROOT = path.resolve(__dirname, '../..');
const SOURCE_FOLDERS = ['bot', 'check', 'dialogs', 'knowledge', 'locales'];

function sourceFiles(folder: string): string[] {
  const full = path.join(ROOT, folder);
  return readdirSync(full).flatMap((name) => {
    const child = path.join(folder, name);
    if (statSync(path.join(ROOT, child)).isDirectory()) return sourceFiles(child);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [child] : [];
  });
}

/** Every module a file names in an import, export-from or require. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true).importedFiles.map((entry) => entry.fileName);
}

/** A relative import as a project path ("knowledge/ids.ts"), or undefined for a package or a data file. */
function resolved(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.join(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(path.join(ROOT, candidate)));
}

const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const folderOf = (file: string) => file.split(path.sep)[0]!;

const files = SOURCE_FOLDERS.flatMap(sourceFiles);
const graph = new Map(files.map((file) => [file, importsOf(file)] as const));

describe.each([
  { folder: 'knowledge', ours: ['knowledge'] },
  { folder: 'check', ours: ['check', 'knowledge', 'locales'] },
])('$folder/', ({ folder, ours }) => {
  const inFolder = files.filter((file) => folderOf(file) === folder);

  it('is not empty (the test reads the right place)', () => {
    expect(inFolder.length).toBeGreaterThan(3);
  });

  it('imports no Bot Framework package', () => {
    const botFramework = inFolder.flatMap((file) =>
      graph.get(file)!.filter((specifier) => /^botbuilder|^botframework/.test(packageOf(specifier))).map((specifier) => `${file} -> ${specifier}`),
    );
    expect(botFramework).toEqual([]);
  });

  it(`imports only from ${ours.join(', ')} among our folders`, () => {
    const outside = inFolder.flatMap((file) =>
      graph.get(file)!.flatMap((specifier) => {
        if (!specifier.startsWith('.')) return [];
        const target = path.join(path.dirname(file), specifier);
        return ours.includes(folderOf(target)) ? [] : [`${file} -> ${specifier}`];
      }),
    );
    expect(outside).toEqual([]);
  });
});

/** Each loop of imports, as the files round it; empty when the graph has none. */
function importCircles(): string[][] {
  const edges = new Map(files.map((file) => [file, graph.get(file)!.flatMap((specifier) => resolved(file, specifier) ?? [])] as const));
  const circles: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    const at = trail.indexOf(file);
    if (at >= 0) return void circles.push([...trail.slice(at), file]);
    if (done.has(file)) return;
    for (const next of edges.get(file) ?? []) visit(next, [...trail, file]);
    done.add(file);
  };
  for (const file of files) visit(file, []);
  return circles;
}

describe('imports', () => {
  it('run round no circle', () => {
    expect(importCircles().map((circle) => circle.join(' -> '))).toEqual([]);
  });

  it('are found by the reader (a file known to import another is seen doing so)', () => {
    expect(graph.get(path.join('dialogs', 'render.ts'))!.some((specifier) => specifier === 'botbuilder-dialogs')).toBe(true);
  });
});
