/** Nesting deeper than this is no chat message; botbuilder's JSON.stringify would overflow the stack on it. */
const MAX_JSON_DEPTH = 32;

export type JsonProblem = 'too_deep' | 'forbidden_key';

/**
 * Walks a parsed body without recursion (so a hostile body cannot overflow our stack either) and
 * reports nesting beyond maxDepth or a `__proto__` key, which Object.assign/spread would turn
 * into a prototype change on a copy of the activity.
 */
export function findJsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | undefined {
  const pending: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return 'too_deep';
    if (!Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, '__proto__')) return 'forbidden_key';
    for (const child of Object.values(node)) pending.push({ node: child, depth: depth + 1 });
  }
  return undefined;
}
