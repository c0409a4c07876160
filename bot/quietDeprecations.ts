// restify 11 reads process.binding('http_parser') on Node 20, which prints a DEP0111 deprecation
// warning at every start-up. It is harmless and not ours to fix, so that one code is dropped;
// every other warning still prints. Imported first by index.ts, before restify loads.
const emitWarning = process.emitWarning.bind(process);

process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const [typeOrOptions, code] = rest;
  const warningCode = typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as { code?: string }).code : code;
  if (warningCode === 'DEP0111') return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
