/**
 * A bare number answers the numbered list the last reply offered: "2" (or "2." / "2)") becomes
 * that choice's value. Anything else, or a number outside the list, is passed on as typed.
 */
export function resolveNumberedReply(text: string, choices: readonly string[]): string {
  const match = /^\s*#?(\d{1,2})\s*[.)]?\s*$/.exec(text);
  if (!match) return text;
  const choice = choices[Number(match[1]) - 1];
  return choice ?? text;
}
