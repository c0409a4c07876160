/*
 * The website widget: <script src="https://BOT-ORIGIN/widget.js" defer></script> adds a floating
 * "Check your symptoms" button that opens the bot's chat page in a panel. The bot writes its
 * settings into the call at the bottom (see bot/web/widget.ts).
 */
(function (config) {
  'use strict';

  var script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  if (!script || window.__symptomCheckWidget) return; // loaded twice: keep the first
  window.__symptomCheckWidget = true;

  // The chat lives where this script came from, whatever site includes it.
  var botOrigin = new URL(script.src, window.location.href).origin;
  var requested = (script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || '').slice(0, 2).toLowerCase();
  var lang = config.strings[requested] ? requested : config.defaultLang;
  var strings = config.strings[lang];

  var css =
    ':host { all: initial; }' +
    '.launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; display: inline-flex; align-items: center; gap: 8px;' +
    ' min-height: 48px; max-width: calc(100vw - 32px); padding: 12px 20px; border: 2px solid #fff; border-radius: 999px;' +
    ' background: ' + config.brandColor + '; color: #fff; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.3);' +
    ' font: 600 16px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }' +
    '.launcher:hover { filter: brightness(1.1); }' +
    '.launcher svg { display: block; }' +
    '.launcher:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 3px; }' +
    '.panel { position: fixed; right: 16px; bottom: 84px; z-index: 2147483000; width: 400px; max-width: calc(100vw - 32px);' +
    ' height: min(640px, calc(100vh - 104px)); border-radius: 12px; overflow: hidden; background: #fff;' +
    ' box-shadow: 0 8px 28px rgba(0,0,0,.35); }' +
    '.panel[hidden] { display: none; }' +
    'iframe { display: block; width: 100%; height: 100%; border: 0; }' +
    // Phones: the panel takes the screen above the button, which stays there to close it.
    '@media (max-width: 480px) { .panel { top: 0; right: 0; left: 0; bottom: 80px; width: auto; max-width: none; height: auto; border-radius: 0; } }';

  var host = document.createElement('div');
  host.setAttribute('data-symptom-check-widget', '');
  // A shadow root keeps the website's CSS off the widget and ours off the website.
  var root = host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    // Constructed style sheets also work on websites whose CSP forbids inline <style>.
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    var style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }

  var panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'symptom-check-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', strings.panelTitle);

  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('aria-controls', panel.id);
  var icon = document.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  var label = document.createElement('span');
  button.append(icon, label);

  var iframe = null;
  var CHAT_ICON =
    '<svg width="20" height="20" viewBox="0 0 24 24" fill="currentColor"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';
  var CLOSE_ICON =
    '<svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"><path d="M5 5l14 14M19 5L5 19"/></svg>';

  function render(open) {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    // The accessible name is the visible text, so voice control users can say what they see.
    label.textContent = open ? strings.close : strings.open;
    button.setAttribute('aria-label', label.textContent);
    icon.innerHTML = open ? CLOSE_ICON : CHAT_ICON;
  }

  function open() {
    if (!iframe) {
      // Created on first open, so websites do not load the chat for visitors who never use it.
      iframe = document.createElement('iframe');
      iframe.title = strings.panelTitle;
      iframe.src = botOrigin + '/?embed=1&lang=' + encodeURIComponent(lang);
      iframe.allow = 'clipboard-write';
      iframe.addEventListener('load', function () {
        iframe.contentWindow.postMessage({ type: 'symptom-check:focus' }, botOrigin);
      });
      panel.appendChild(iframe);
    }
    render(true);
    iframe.focus();
    if (iframe.contentWindow) iframe.contentWindow.postMessage({ type: 'symptom-check:focus' }, botOrigin);
  }

  function close() {
    render(false);
    button.focus();
  }

  button.addEventListener('click', function () {
    if (panel.hidden) open();
    else close();
  });
  root.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden) close();
  });
  window.addEventListener('message', function (event) {
    if (event.origin === botOrigin && iframe && event.source === iframe.contentWindow && event.data && event.data.type === 'symptom-check:close') close();
  });

  render(false);
  root.append(panel, button);
  (document.body || document.documentElement).appendChild(host);
})(/* CONFIG */ { defaultLang: 'en', brandColor: '#00529B', strings: { en: { open: 'Check your symptoms', close: 'Close', panelTitle: 'Chat' } } });
