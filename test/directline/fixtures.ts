import type { AddressInfo } from 'node:net';
import { ActivityHandler, MessageFactory } from 'botbuilder';
import { createAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { createServer } from '../../bot/server';

/** A bot that greets, answers each message with its text, and can be slow on purpose. */
export class EchoBot extends ActivityHandler {
  constructor(replyDelayMs = 0) {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) {
          await context.sendActivity(MessageFactory.suggestedActions(['Yes', 'No'], `welcome ${context.activity.locale ?? ''}`.trim()));
        }
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      if (replyDelayMs) await new Promise((resolve) => setTimeout(resolve, replyDelayMs));
      await context.sendActivity(`you said ${context.activity.text ?? ''}`);
      await context.sendActivity({ type: 'trace', name: 'debug', value: 'not for the person' });
      await next();
    });
  }
}

export interface RunningServer {
  base: string;
  close(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}, bot = new EchoBot()): Promise<RunningServer> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const server = createServer({ config, adapter: createAdapter(config), bot });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The calls Web Chat makes, in order: a session, then Direct Line with its token. */
export async function openConversation(base: string, locale = 'en-US') {
  const session = (await (await fetch(`${base}/webchat/session`, { method: 'POST' })).json()) as {
    token: string;
    conversationId: string;
    userId: string;
  };
  const headers = { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' };
  const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers, body: JSON.stringify({ locale }) });
  const activitiesUrl = `${base}/v3/directline/conversations/${session.conversationId}/activities`;
  return { ...session, headers, started, activitiesUrl };
}

export interface ActivitySet {
  activities: { id: string; type: string; text?: string; from: { id: string; role: string; name?: string }; channelData?: Record<string, unknown>; timestamp: string }[];
  watermark: string;
}

export async function poll(url: string, headers: Record<string, string>, watermark = ''): Promise<ActivitySet> {
  const response = await fetch(`${url}?watermark=${watermark}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as ActivitySet;
}
