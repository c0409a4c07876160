import { loadConfig } from '../../bot/config';

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
