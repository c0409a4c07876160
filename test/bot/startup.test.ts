import { createServer } from 'node:net';
import { loadConfig } from '../../bot/config';
import { BotProcess } from '../storage/botProcess';

// createApp validates and indexes the knowledge base before any turn, once per process.
it('createApp compiles both languages at start-up, not on the first message', () => {
  jest.isolateModules(() => {
    const compile = jest.requireActual<typeof import('../../knowledge/compile')>('../../knowledge/compile');
    const compiled: string[] = [];
    jest.doMock('../../knowledge/compile', () => ({ ...compile, compileLocale: (...args: Parameters<typeof compile.compileLocale>) => (compiled.push(args[0]), compile.compileLocale(...args)) }));
    const { createApp } = jest.requireActual<typeof import('../../bot/app')>('../../bot/app');
    expect(compiled).toEqual([]);
    createApp(loadConfig({ LOG_LEVEL: 'silent' }));
    expect(compiled.sort()).toEqual(['en', 'es']);
  });
});

describe('the real entry point', () => {
  jest.setTimeout(60_000);

  it('says in one line that the port is in use, and exits 1', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const bot = await BotProcess.spawn({}, { port });
      expect(await bot.exit).toBe(1);
      expect(bot.stderr.trim().split('\n').filter((line) => !/warn/i.test(line))).toEqual([`port ${port} is in use; set PORT to another port`]);
    } finally {
      holder.close();
    }
  });
});
