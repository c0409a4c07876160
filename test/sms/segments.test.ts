import { MAX_MESSAGE_CHARS, smsSegments, splitMessage } from '../../bot/sms/segments';

describe('smsSegments', () => {
  it.each([
    ['', 'GSM-7', 0, 0],
    ['Hello', 'GSM-7', 5, 1],
    ['a'.repeat(160), 'GSM-7', 160, 1],
    ['a'.repeat(161), 'GSM-7', 161, 2],
    ['a'.repeat(306), 'GSM-7', 306, 2],
    ['a'.repeat(307), 'GSM-7', 307, 3],
    ['a'.repeat(459), 'GSM-7', 459, 3],
    // Spanish letters that are in GSM-7 keep it.
    ['¿Tiene fiebre? ñ é ü à ¡Sí!', 'UCS-2', 27, 1],
    ['¿Tiene fiebre? ñ é ü à ¡Si!', 'GSM-7', 27, 1],
    // Extension characters cost two septets.
    ['€', 'GSM-7', 2, 1],
    ['€'.repeat(80), 'GSM-7', 160, 1],
    // 76 euros fill 152 septets; the 77th pair may not be cut, so it starts segment two.
    ['€'.repeat(81), 'GSM-7', 162, 2],
    ['[x]', 'GSM-7', 5, 1],
    // One character outside GSM-7 (á, í, ó, ú) turns the message into UCS-2.
    ['á', 'UCS-2', 1, 1],
    ['información', 'UCS-2', 11, 1],
    ['á'.repeat(70), 'UCS-2', 70, 1],
    ['á'.repeat(71), 'UCS-2', 71, 2],
    ['á'.repeat(134), 'UCS-2', 134, 2],
    ['á'.repeat(135), 'UCS-2', 135, 3],
    // An emoji is two UTF-16 units and its pair is never split.
    ['😀', 'UCS-2', 2, 1],
    ['a'.repeat(66) + '😀' + 'a'.repeat(10), 'UCS-2', 78, 2],
    ['\u2019', 'UCS-2', 1, 1],
  ])('%j is %s, %i units, %i segments', (text, encoding, units, segments) => {
    expect(smsSegments(text)).toEqual({ encoding, units, segments });
  });
});

describe('splitMessage', () => {
  const paragraph = (word: string, count: number) => Array.from({ length: count }, () => `${word}.`).join(' ');

  it('keeps a short message whole', () => {
    expect(splitMessage('Call 1-888-663-3488.')).toEqual(['Call 1-888-663-3488.']);
  });

  it('cuts at a paragraph when paragraphs fit', () => {
    const first = paragraph('Fever', 150); // 1049 characters
    const second = paragraph('Pain', 150);
    const parts = splitMessage(`${first}\n\n${second}`);
    expect(parts).toEqual([first, second]);
  });

  it('cuts a long paragraph at sentences, never beyond 1,600 characters', () => {
    const text = paragraph('Tiredness', 300);
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(part.endsWith('.')).toBe(true);
    }
    expect(parts.join(' ')).toBe(text);
  });

  it('cuts a word that is longer than a message', () => {
    const parts = splitMessage('x'.repeat(3500));
    expect(parts.map((part) => part.length)).toEqual([1600, 1600, 300]);
  });

  it.each([
    [20, 'One two three. Four five six.', ['One two three.', 'Four five six.']],
    [12, 'One two three four', ['One two', 'three four']],
    [20, 'Line one\nLine two\n\nPara two', ['Line one\nLine two', 'Para two']],
  ])('with max %i splits %j', (max, text, expected) => {
    expect(splitMessage(text, max)).toEqual(expected);
  });
});
