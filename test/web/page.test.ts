import { ChatPageView, chatClientConfig, renderChatPage } from '../../bot/web/page';

const view: ChatPageView = {
  lang: 'en',
  botName: 'Symptom Check',
  brandColor: '#00529B',
  organization: 'Moffitt Cancer Center',
  appointmentPhone: '1-888-663-3488',
  embedded: false,
  webChatVersion: '4.18.1',
  chatScriptVersion: 'js-v1',
  chatStylesVersion: 'css-v1',
};

const configIn = (html: string) => JSON.parse(/<script type="application\/json" id="chat-config">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null');

describe('renderChatPage', () => {
  it.each<[Partial<ChatPageView>, RegExp]>([
    [{ lang: 'en' }, /<html lang="en">/],
    [{ lang: 'es' }, /<html lang="es">/],
    [{}, /<a href="tel:911">911<\/a>/],
    [{}, /<a href="tel:\+18886633488">1-888-663-3488<\/a>/],
    [{ lang: 'en' }, /does not give a diagnosis/],
    [{ lang: 'es' }, /no da un diagnóstico/],
    [{ lang: 'en' }, /<a class="language" href="\?lang=es" lang="es" hreflang="es">Español<\/a>/],
    [{ lang: 'es', embedded: true }, /href="\?lang=en&amp;embed=1" lang="en"/],
    [{}, /<script src="\/static\/webchat\.js\?v=4\.18\.1" defer><\/script>/],
    [{}, /<link rel="preload" href="\/static\/webchat\.js\?v=4\.18\.1" as="script" fetchpriority="high">/],
    [{}, /<script src="\/static\/chat\.js\?v=js-v1" defer><\/script>/],
    [{}, /<link rel="stylesheet" href="\/static\/chat\.css\?v=css-v1">/],
    [{ lang: 'en' }, /<title>Symptom Check – Moffitt Cancer Center<\/title>/],
    [{ lang: 'es' }, /<title>Revisión de síntomas – Moffitt Cancer Center<\/title>/],
    [{ lang: 'es' }, /<h1>Revisión de síntomas<\/h1>/],
    [{ lang: 'es', botName: 'Moffitt Check' }, /<title>Moffitt Check – Moffitt Cancer Center<\/title>/],
    [{}, /<meta name="viewport" content="width=device-width, initial-scale=1">/],
    [{ brandColor: '#123456' }, /--brand: #123456/],
  ])('%p contains %p', (overrides, pattern) => {
    expect(renderChatPage({ ...view, ...overrides })).toMatch(pattern);
  });

  it('runs its own script before Web Chat’s bundle, so the session is asked for while the bundle runs', () => {
    const html = renderChatPage(view);
    expect(html.indexOf('/static/chat.js')).toBeGreaterThan(0);
    expect(html.indexOf('/static/chat.js')).toBeLessThan(html.indexOf('<script src="/static/webchat.js'));
  });

  it('loads nothing from another origin', () => {
    expect(renderChatPage(view)).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('escapes a bot name that looks like markup, in HTML and in the script config', () => {
    const html = renderChatPage({ ...view, botName: '</script><img src=x onerror=alert(1)>' });
    expect(html).not.toContain('<img src=x');
    expect(configIn(html).botName).toBe('</script><img src=x onerror=alert(1)>');
  });

  it('hands the page script the locale and strings, and nothing secret', () => {
    expect(configIn(renderChatPage({ ...view, lang: 'es' }))).toEqual(chatClientConfig({ ...view, lang: 'es' }));
    expect(chatClientConfig({ ...view, lang: 'es' })).toMatchObject({ locale: 'es-US', sessionPath: '/webchat/session', botInitials: 'RS', botName: 'Revisión de síntomas' });
    expect(chatClientConfig(view)).toMatchObject({ botInitials: 'SC', botName: 'Symptom Check' });
  });
});
