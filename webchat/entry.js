/*
 * The chat page's own Web Chat bundle (built by scripts/buildWebChat.mjs into dist/webchat/):
 * what the bot sends and nothing else. Text and markdown (Web Chat's own renderer), suggested
 * actions, and Adaptive Cards (the checklist card: Input.Toggle boxes and an Action.Submit), over
 * Direct Line polling or WebSocket. Left out from Web Chat's full bundle: speech (the Cognitive
 * Services SDK and the Direct Line Speech adapter); the build also leaves out Web Chat's words in
 * other languages than English and Spanish, and puts the stand-ins of stubs/ in place of what
 * the page never reaches (each says why).
 *
 * It defines the window.WebChat functions public/chat.js calls, as Web Chat's full bundle does.
 */
import { createElement } from 'react';
import { render } from 'react-dom';
import { createStore } from 'botframework-webchat-core';
// The file, not the package's index: the index also brings Direct Line streaming (200 KB).
import { DirectLine } from 'botframework-directlinejs/lib/directLine';
// Web Chat's full component: the minimal one plus Adaptive Cards and markdown (no speech).
import FullReactWebChat from 'botframework-webchat/src/FullReactWebChat';
import renderMarkdown from 'botframework-webchat/src/markdown/renderMarkdown';

const BOT_AGENT = `WebChat/${process.env.WEBCHAT_VERSION} (symptom-check)`;

function createDirectLine(options) {
  const { conversationId, conversationStartProperties, domain, pollingInterval, secret, streamUrl, token, watermark, webSocket } = options;
  return new DirectLine({ botAgent: BOT_AGENT, conversationId, conversationStartProperties, domain, pollingInterval, secret, streamUrl, token, watermark, webSocket });
}

function renderWebChat(props, element) {
  render(createElement(FullReactWebChat, props), element);
}

window.WebChat = { createDirectLine, createStore, renderMarkdown, renderWebChat };
