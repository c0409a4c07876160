import { corsHeaders, frameAncestors, isOriginAllowed, pageContentSecurityPolicy, PREFLIGHT_HEADERS } from '../../bot/web/security';

const LISTED = ['https://www.example.org', 'https://clinic.example.com'];
const HOST = 'bot.example.net';

describe('isOriginAllowed', () => {
  it.each<[string | undefined, string[] | undefined, boolean]>([
    [undefined, LISTED, true], // not a cross-origin browser request
    ['https://www.example.org', LISTED, true],
    ['https://evil.example', LISTED, false],
    ['http://www.example.org', LISTED, false], // the scheme is part of the origin
    ['https://www.example.org:8443', LISTED, false],
    ['https://bot.example.net', LISTED, true], // the bot's own chat page
    ['null', LISTED, false],
    ['https://evil.example', undefined, true], // unset: every origin, for local use
  ])('%p with %p → %p', (origin, allowed, expected) => {
    expect(isOriginAllowed(origin, HOST, allowed)).toBe(expected);
  });
});

describe('corsHeaders', () => {
  it.each<[string, string | undefined, string[] | undefined, boolean, Record<string, string>]>([
    ['no Origin', undefined, LISTED, false, { Vary: 'Origin' }],
    ['a listed origin', 'https://www.example.org', LISTED, false, { 'Access-Control-Allow-Origin': 'https://www.example.org', Vary: 'Origin' }],
    ['an unlisted origin', 'https://evil.example', LISTED, false, { Vary: 'Origin' }],
    ['any origin when unset', 'https://evil.example', undefined, false, { 'Access-Control-Allow-Origin': '*' }],
    ['a listed preflight', 'https://www.example.org', LISTED, true, { 'Access-Control-Allow-Origin': 'https://www.example.org', Vary: 'Origin', ...PREFLIGHT_HEADERS }],
    ['an unlisted preflight', 'https://evil.example', LISTED, true, { Vary: 'Origin' }],
  ])('%s', (_name, origin, allowed, preflight, expected) => {
    expect(corsHeaders(origin, HOST, allowed, preflight)).toEqual(expected);
  });

  it('lets DirectLineJS send its headers', () => {
    expect(PREFLIGHT_HEADERS['Access-Control-Allow-Headers']).toMatch(/Authorization.*Content-Type.*x-ms-bot-agent/);
  });
});

describe('frameAncestors', () => {
  it.each<[string[] | undefined, string]>([
    [undefined, '*'],
    [LISTED, "'self' https://www.example.org https://clinic.example.com"],
    [[], "'self'"],
  ])('%p → %p', (allowed, expected) => {
    expect(frameAncestors(allowed)).toBe(expected);
  });
});

describe('pageContentSecurityPolicy', () => {
  const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

  it.each<[string, Parameters<typeof pageContentSecurityPolicy>[0], Record<string, string>]>([
    [
      'local Direct Line, any website',
      { allowedOrigins: undefined, framedBy: 'allowed-origins' },
      { 'script-src': "'self'", 'connect-src': "'self'", 'frame-ancestors': '*', 'default-src': "'none'" },
    ],
    [
      'Azure Direct Line, listed websites',
      { allowedOrigins: LISTED, directLineOrigin: 'https://directline.botframework.com/v3/directline', framedBy: 'allowed-origins' },
      {
        'connect-src': "'self' https://directline.botframework.com wss://directline.botframework.com",
        'frame-ancestors': "'self' https://www.example.org https://clinic.example.com",
      },
    ],
    ['the demo page', { allowedOrigins: LISTED, framedBy: 'self' }, { 'frame-ancestors': "'self'" }],
  ])('%s', (_name, options, expected) => {
    expect(directives(pageContentSecurityPolicy(options))).toMatchObject(expected);
  });
});
