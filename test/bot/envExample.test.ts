import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_VARIABLES } from '../../bot/config';

// .env.example is the settings' documentation: every variable the bot reads, each explained.
const lines = readFileSync(join(__dirname, '../../.env.example'), 'utf8').split('\n');
const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=/;
const listed = lines.map((line) => assignment.exec(line)?.[1]).filter((name): name is string => name !== undefined);

it('lists every variable bot/config.ts reads, and no other', () => {
  expect([...listed].sort()).toEqual([...ENV_VARIABLES].sort());
});

it.each(listed)('%s comes under a comment', (name) => {
  let index = lines.findIndex((line) => line.startsWith(`${name}=`));
  while (index > 0 && assignment.test(lines[index - 1] ?? '')) index -= 1;
  expect(lines[index - 1]).toMatch(/^# \S/);
});
