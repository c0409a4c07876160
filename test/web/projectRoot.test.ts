import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../bot/web/assets';

describe('projectRoot', () => {
  it('skips a build folder that has a package.json but no public/ (dist/package.json)', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'root-'));
    writeFileSync(path.join(root, 'package.json'), '{}');
    mkdirSync(path.join(root, 'public'));
    const built = path.join(root, 'dist', 'bot', 'web');
    mkdirSync(built, { recursive: true });
    writeFileSync(path.join(root, 'dist', 'package.json'), '{}');
    expect(projectRoot(built)).toBe(root);
  });

  it('finds this repository from the source folder', () => {
    expect(projectRoot(path.join(__dirname, '..', '..', 'bot', 'web'))).toBe(path.resolve(__dirname, '..', '..'));
  });
});
