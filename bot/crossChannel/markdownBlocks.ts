// Line-level markdown that chat channels show as raw characters: tables and rules. Shared by the
// Teams and SMS renderers, which each turn them into something their channel shows.

export const isTableRule = (line: string) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);
export const isTableRow = (line: string) => /^\s*\|.*\|\s*$/.test(line);
export const isHorizontalRule = (line: string) => /^\s*([-*_])(\s*\1){2,}\s*$/.test(line);

/** A table row as one line of text: "| Fever | 3 days |" → "Fever - 3 days". */
export function tableRowAsLine(line: string): string {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim()).filter(Boolean).join(' - ');
}
