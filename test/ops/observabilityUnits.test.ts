import { createIdHasher, requestIdFrom } from '../../bot/observability/ids';
import { channelLabel, createMetrics } from '../../bot/observability/metrics';
import { mayOverwrite } from '../../bot/storage/eTag';

describe('requestIdFrom', () => {
  it.each<[string, string | string[] | undefined, string | 'generated']>([
    ['a plain id is echoed', 'abc-123', 'abc-123'],
    ['a trace-style id is echoed', '00-4bf92f3577b34da6.a3ce929d0e0e4736:01', '00-4bf92f3577b34da6.a3ce929d0e0e4736:01'],
    ['none: generated', undefined, 'generated'],
    ['empty: generated', '', 'generated'],
    ['a new line (log injection): generated', 'a\nlevel=fatal', 'generated'],
    ['spaces and quotes: generated', 'a "b"', 'generated'],
    ['too long: generated', 'x'.repeat(129), 'generated'],
    ['repeated header: generated', ['a', 'b'], 'generated'],
  ])('%s', (_label, header, expected) => {
    const id = requestIdFrom(header);
    if (expected === 'generated') expect(id).toMatch(/^[0-9a-f-]{36}$/);
    else expect(id).toBe(expected);
  });
});

describe('createIdHasher', () => {
  it('gives a stable, short hash per salt that hides the id', () => {
    const hash = createIdHasher('salt-a');
    expect(hash('+15551234567')).toBe(hash('+15551234567'));
    expect(hash('+15551234567')).toMatch(/^[0-9a-f]{16}$/);
    expect(hash('+15551234567')).not.toContain('5551234567');
    expect(hash('+15551234567')).not.toBe(createIdHasher('salt-b')('+15551234567'));
    expect(hash(undefined)).toBeUndefined();
  });

  it('uses a random key when no salt is configured', () => {
    expect(createIdHasher(undefined)('c1')).not.toBe(createIdHasher(undefined)('c1'));
  });
});

describe('channelLabel', () => {
  it.each([
    ['msteams', 'msteams'],
    ['webchat', 'webchat'],
    ['directline', 'directline'],
    ['sms', 'sms'],
    ['emulator', 'emulator'],
    ['made-up-by-a-caller', 'other'],
    [undefined, 'other'],
  ])('%s → %s', (channelId, expected) => {
    expect(channelLabel(channelId)).toBe(expected);
  });
});

describe('createMetrics', () => {
  it('counts turns, endings and requests in its own registry', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.recordTurn('msteams', 0.02, 'ok');
    first.recordTurn('invented', 0.5, 'error');
    first.recordCheckEnded('emergency');
    first.recordHttpRequest('/api/messages', 'POST', 429);
    const text = await first.registry.metrics();
    expect(text).toContain('allcheck_turns_total{channel="msteams",outcome="ok"} 1');
    expect(text).toContain('allcheck_turns_total{channel="other",outcome="error"} 1');
    expect(text).toContain('allcheck_checks_ended_total{reason="emergency"} 1');
    expect(text).toContain('allcheck_checks_ended_total{reason="completed"} 0');
    expect(text).toContain('allcheck_turn_duration_seconds_count{channel="msteams"} 1');
    expect(text).toContain('allcheck_http_requests_total{route="/api/messages",method="POST",status="429"} 1');
    expect(await second.registry.metrics()).not.toContain('allcheck_turns_total{');
  });
});

describe('mayOverwrite (botbuilder eTag rule)', () => {
  it.each<[string | undefined, string | undefined, boolean]>([
    [undefined, 'any', true],
    ['1', undefined, true],
    ['1', '', true],
    ['1', '*', true],
    ['1', '1', true],
    ['2', '1', false],
  ])('stored %p, incoming %p → %p', (stored, incoming, expected) => {
    expect(mayOverwrite(stored, incoming)).toBe(expected);
  });
});
