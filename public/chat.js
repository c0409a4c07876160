/*
 * Boots Bot Framework Web Chat on the chat page. Settings come from #chat-config (see bot/web/page.ts).
 * This script runs before Web Chat's bundle: it asks for the session at once, so the request is
 * answered while the browser is still running the Web Chat bundle, and starts the chat after it.
 */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var container = document.getElementById('webchat');
  // DirectLineJS polls no faster than 200 ms; 500 ms keeps replies snappy at two cheap GETs a second.
  var POLLING_INTERVAL_MS = 500;

  function showFailure() {
    var status = document.createElement('p');
    status.className = 'status error';
    status.setAttribute('role', 'alert');
    status.textContent = config.strings.loadFailed;
    container.replaceChildren(status);
  }

  // Phone numbers never break across lines (at "-" or a space), in links and in plain text.
  var PHONE_NUMBER = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|\b9-?1-?1\b|\b988\b/g;

  function keepPhoneNumbersWhole(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach(function (text) {
      var value = text.nodeValue;
      PHONE_NUMBER.lastIndex = 0;
      if (!PHONE_NUMBER.test(value)) return;
      PHONE_NUMBER.lastIndex = 0;
      var fragment = document.createDocumentFragment();
      var last = 0;
      var match;
      while ((match = PHONE_NUMBER.exec(value))) {
        fragment.appendChild(document.createTextNode(value.slice(last, match.index)));
        var span = document.createElement('span');
        span.className = 'phone-number';
        span.textContent = match[0];
        fragment.appendChild(span);
        last = match.index + match[0].length;
      }
      fragment.appendChild(document.createTextNode(value.slice(last)));
      text.parentNode.replaceChild(fragment, text);
    });
  }

  // Web Chat opens every link in a new tab. For tel: that leaves an empty tab behind, or is
  // blocked as a popup inside the website widget's iframe, so phone links open in place.
  function renderMarkdown(markdown, options, init) {
    var html = window.WebChat.renderMarkdown(markdown, options, init);
    PHONE_NUMBER.lastIndex = 0;
    if (html.indexOf('tel:') === -1 && !PHONE_NUMBER.test(html)) return html;
    var template = document.createElement('template');
    template.innerHTML = html;
    template.content.querySelectorAll('a[href^="tel:"]').forEach(function (link) {
      link.removeAttribute('target');
    });
    keepPhoneNumbersWhole(template.content);
    return template.innerHTML;
  }

  var ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

  // A list question comes as a checklist card (an Adaptive Card with a box per item) and, for
  // clients without cards, the same items as suggested actions. This page shows the card alone:
  // ten buttons under it would push the boxes out of sight on a phone.
  function withoutButtonsBesideCard(action) {
    var activity = action.payload.activity;
    var onCard = (activity.attachments || []).some(function (attachment) {
      return attachment.contentType === ADAPTIVE_CARD;
    });
    if (!onCard || !activity.suggestedActions) return action;
    var shown = Object.assign({}, activity, { suggestedActions: undefined });
    return Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: shown }) });
  }

  // Marks the moment the first bot message arrives, for time-to-welcome measurements.
  function createStore() {
    var welcomed = false;
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          var activity = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity;
          if (!welcomed && activity && activity.type === 'message' && activity.from && activity.from.role === 'bot') {
            welcomed = true;
            performance.mark('symptom-check:welcome');
          }
          return next(activity ? withoutButtonsBesideCard(action) : action);
        };
      };
    });
  }

  function focusSendBox() {
    var input = container.querySelector('.webchat__send-box-text-box__input, [data-id="webchat-sendbox-input"]');
    if (input) input.focus();
  }

  function start(session) {
    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      domain: session.domain || new URL('/v3/directline', window.location.href).href,
      webSocket: Boolean(session.webSocket),
      pollingInterval: POLLING_INTERVAL_MS,
      conversationStartProperties: { locale: config.locale },
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: createStore(),
        userID: session.userId,
        locale: config.locale,
        renderMarkdown: renderMarkdown,
        styleOptions: {
          accent: config.brandColor,
          botAvatarInitials: config.botInitials,
          botAvatarBackgroundColor: config.brandColor,
          bubbleFromUserBackground: '#EAF1F8',
          bubbleFromUserBorderColor: '#B9CCE0',
          bubbleFromUserBorderWidth: 1,
          bubbleBorderRadius: 8,
          bubbleFromUserBorderRadius: 8,
          hideUploadButton: true,
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
          // Wrapping buttons stay readable at 360 px, where a carousel hides most of them.
          suggestedActionLayout: 'flow',
          suggestedActionBorderColor: config.brandColor,
          suggestedActionTextColor: config.brandColor,
          suggestedActionBorderRadius: 16,
        },
      },
      container,
    );
  }

  if (config.embedded) {
    // Keys pressed inside the iframe never reach the website, so the page asks the widget to close.
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        window.parent.postMessage({ type: 'symptom-check:close' }, '*');
      }
    });
    window.addEventListener('message', function (event) {
      if (event.source === window.parent && event.data && event.data.type === 'symptom-check:focus') focusSendBox();
    });
  }

  var session = fetch(config.sessionPath, { method: 'POST', headers: { Accept: 'application/json' } }).then(function (response) {
    if (!response.ok) throw new Error('session request failed with HTTP ' + response.status);
    return response.json();
  });
  session.catch(function () {}); // handled in boot(); this keeps an early failure from being reported twice
  // Deferred scripts have all run by DOMContentLoaded, Web Chat's bundle included. This one runs
  // earlier, while readyState is already "interactive", so only "complete" means it has fired.
  function boot() {
    if (!window.WebChat) {
      showFailure();
      return;
    }
    session.then(start).catch(function (error) {
      console.error(error);
      showFailure();
    });
  }
  if (document.readyState === 'complete') boot();
  else document.addEventListener('DOMContentLoaded', boot);
})();
