import { ConfigError, loadConfig } from '../../bot/config';

// The settings the check itself reads: appointment line, organization, language, port, auth.

it('runs with no environment at all, with the source page’s values', () => {
  const config = loadConfig({});
  expect(config.port).toBe(3978);
  expect(config.appointment).toEqual({ phone: '1-888-663-3488', url: undefined, hours: undefined, organization: 'Moffitt Cancer Center' });
  expect(config.defaultLocale).toBe('en');
  expect(config.authDisabled).toBe(true);
});

it('reads the appointment settings and the default language', () => {
  const config = loadConfig({
    APPOINTMENT_PHONE: '(813) 555-0100',
    APPOINTMENT_URL: 'https://example.org/appointments',
    APPOINTMENT_HOURS: 'Monday to Friday, 8 a.m. to 5 p.m.',
    ORGANIZATION_NAME: 'Example Cancer Center',
    DEFAULT_LOCALE: 'es',
    PORT: '0',
  });
  expect(config.appointment).toEqual({
    phone: '(813) 555-0100',
    url: 'https://example.org/appointments',
    hours: 'Monday to Friday, 8 a.m. to 5 p.m.',
    organization: 'Example Cancer Center',
  });
  expect(config.defaultLocale).toBe('es');
  expect(config.port).toBe(0);
});

it.each([
  [{}, { channelEmulation: false, channelEmulationIgnored: false }],
  [{ ALLOW_CHANNEL_EMULATION: '' }, { channelEmulation: false, channelEmulationIgnored: false }],
  [{ ALLOW_CHANNEL_EMULATION: 'false' }, { channelEmulation: false, channelEmulationIgnored: false }],
  [{ ALLOW_CHANNEL_EMULATION: 'true' }, { channelEmulation: true, channelEmulationIgnored: false }],
  [{ ALLOW_CHANNEL_EMULATION: '1' }, { channelEmulation: true, channelEmulationIgnored: false }],
  [{ ALLOW_CHANNEL_EMULATION: 'true', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }, { channelEmulation: false, channelEmulationIgnored: true }],
  // Behind a proxy on the same host every caller would look like loopback.
  [{ ALLOW_CHANNEL_EMULATION: 'true', TRUST_PROXY_HOPS: '1' }, { channelEmulation: false, channelEmulationIgnored: true }],
])('ALLOW_CHANNEL_EMULATION: %j gives %j (off by default, never with an app id or behind a proxy)', (env, expected) => {
  expect(loadConfig(env).messages).toEqual(expected);
});

it('refuses a value of ALLOW_CHANNEL_EMULATION it does not know, rather than guessing', () => {
  expect(() => loadConfig({ ALLOW_CHANNEL_EMULATION: 'yes please' })).toThrow(/ALLOW_CHANNEL_EMULATION/);
});

it('treats empty values as unset', () => {
  expect(loadConfig({ APPOINTMENT_PHONE: '', DEFAULT_LOCALE: '' }).appointment.phone).toBe('1-888-663-3488');
});

describe('names each bad variable', () => {
  it.each([
    [{ APPOINTMENT_PHONE: 'call us!' }, 'APPOINTMENT_PHONE'],
    [{ APPOINTMENT_URL: 'not a url' }, 'APPOINTMENT_URL'],
    [{ DEFAULT_LOCALE: 'fr' }, 'DEFAULT_LOCALE'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ MicrosoftAppId: 'some-id' }, 'MicrosoftAppPassword'],
  ])('%j → %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
