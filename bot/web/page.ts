import { escapeHtml, initials, scriptJson } from './html';
import { webChatLocale } from './language';
import { botNameIn, webStrings } from './strings';
import { otherLocale, type Locale } from '../../knowledge';
import { telUri } from '../../check/closing';

export interface ChatPageView {
  lang: Locale;
  botName: string;
  brandColor: string;
  organization: string;
  appointmentPhone: string;
  /** Shown inside the website widget's iframe. */
  embedded: boolean;
  /** The Web Chat bundle's content version, for its URL (cached for a year). */
  webChatVersion: string;
  /** Content versions of public/chat.js and chat.css, for their URLs (cached for a year). */
  chatScriptVersion: string;
  chatStylesVersion: string;
}

export const SESSION_PATH = '/webchat/session';
const EMERGENCY_NUMBER = '911';

/** What the page's script reads: everything it needs, nothing secret. */
export function chatClientConfig(view: ChatPageView) {
  const t = webStrings(view.lang);
  const botName = botNameIn(view.lang, view.botName);
  return {
    locale: webChatLocale(view.lang),
    sessionPath: SESSION_PATH,
    embedded: view.embedded,
    botName,
    botInitials: initials(botName),
    brandColor: view.brandColor,
    strings: { loadFailed: t('loadFailed', { phone: view.appointmentPhone }) },
  };
}

export function renderChatPage(view: ChatPageView): string {
  const t = webStrings(view.lang);
  const other = otherLocale(view.lang);
  const switchHref = `?lang=${other}${view.embedded ? '&embed=1' : ''}`;
  const phone = escapeHtml(view.appointmentPhone);
  const botName = botNameIn(view.lang, view.botName);
  const bundleUrl = `/static/webchat.js?v=${encodeURIComponent(view.webChatVersion)}`;
  // chat.js comes first: it asks for the session at once, while the Web Chat bundle is still being
  // parsed, and starts Web Chat when the bundle has run (both are deferred, so they run in order).
  return `<!doctype html>
<html lang="${view.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>${escapeHtml(t('pageTitle', { botName, organization: view.organization }))}</title>
<link rel="preload" href="${escapeHtml(bundleUrl)}" as="script" fetchpriority="high">
<link rel="stylesheet" href="/static/chat.css?v=${encodeURIComponent(view.chatStylesVersion)}">
<style>:root { --brand: ${view.brandColor}; }</style>
<script type="application/json" id="chat-config">${scriptJson(chatClientConfig(view))}</script>
<script src="/static/chat.js?v=${encodeURIComponent(view.chatScriptVersion)}" defer></script>
<script src="${escapeHtml(bundleUrl)}" defer></script>
</head>
<body class="${view.embedded ? 'embedded' : 'standalone'}">
<header class="bar">
<svg class="avatar" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false"><circle cx="20" cy="20" r="20" fill="#fff"/><text x="20" y="25" text-anchor="middle" font-size="15" font-weight="700" fill="${view.brandColor}">${escapeHtml(initials(botName))}</text></svg>
<h1>${escapeHtml(botName)}</h1>
<a class="language" href="${escapeHtml(switchHref)}" lang="${other}" hreflang="${other}">${escapeHtml(t('switchLanguage'))}</a>
</header>
<p class="note" role="note"><strong>${escapeHtml(t('notDiagnosis'))}</strong> ${escapeHtml(t('emergencyLead'))} <a href="tel:${EMERGENCY_NUMBER}">${EMERGENCY_NUMBER}</a>. ${escapeHtml(
    t('appointmentLead', { organization: view.organization }),
  )} <a href="${escapeHtml(telUri(view.appointmentPhone))}">${phone}</a></p>
<main id="webchat" aria-label="${escapeHtml(t('chatLabel', { botName }))}"><p class="status" role="status">${escapeHtml(t('loading'))}</p></main>
<noscript><p class="status">${escapeHtml(t('noscript', { phone: view.appointmentPhone }))}</p></noscript>
</body>
</html>
`;
}
