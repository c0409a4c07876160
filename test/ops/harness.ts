import type { Activity, Storage } from 'botbuilder';
import pino, { type Logger } from 'pino';
import type { ChannelAuthSettings } from '../../bot/adapter';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/observability/logger';

/** A running app on a free port; its logs are kept in `logLines` when captured. */
export interface RunningApp {
  app: App;
  baseUrl: string;
  logLines: string[];
  stop(): Promise<void>;
}

/** The development switch that lets loopback callers play channels other than the Emulator. */
export const CHANNEL_EMULATION = { ALLOW_CHANNEL_EMULATION: 'true' } as const;

// Limits high enough that tests of everything else never meet them.
const TEST_ENV = { LOG_LEVEL: 'info', RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000', RATE_LIMIT_CLIENT_PER_MINUTE: '1000000' };

export async function startApp(
  env: Record<string, string> = {},
  options: { storage?: Storage; captureLogs?: boolean; defaultLimits?: boolean; channelAuth?: ChannelAuthSettings; host?: string } = {},
): Promise<RunningApp> {
  const config = loadConfig({ ...(options.defaultLimits ? { LOG_LEVEL: 'info' } : TEST_ENV), ...env });
  const logLines: string[] = [];
  const logger: Logger = options.captureLogs
    ? createLogger(config, { write: (line: string) => void logLines.push(line) })
    : pino({ level: 'silent' });
  const app = createApp(config, { storage: options.storage, logger, channelAuth: options.channelAuth });
  // Redis-backed apps fail turns fast until connected; tests start once it is.
  const connecting = app.storage as Partial<{ whenReady(): Promise<void> }>;
  if (connecting.whenReady) await connecting.whenReady();
  // `host` '0.0.0.0' also takes connections on the machine's other interfaces (a caller not on loopback).
  await new Promise<void>((resolve) => app.server.listen(0, options.host ?? '127.0.0.1', () => resolve()));
  const address = app.server.address();
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    logLines,
    stop: async () => {
      app.server.server.closeAllConnections();
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      const closable = app.storage as Partial<{ close(): Promise<void> }>;
      if (closable.close) await closable.close();
    },
  };
}

/** A `startApp` whose apps are all stopped after each test; call it at a test file's top level. */
export function startAppsStoppedAfterEach(): typeof startApp {
  const running: RunningApp[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.stop()));
  });
  return async (...args) => {
    const app = await startApp(...args);
    running.push(app);
    return app;
  };
}

/**
 * An activity as the Bot Framework Emulator sends it, the one channel /api/messages serves without
 * an app id; a test that plays another channel passes its channelId and starts the app with
 * CHANNEL_EMULATION.
 */
export function messageActivity(conversationId: string, text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'emulator',
    conversation: { id: conversationId } as Activity['conversation'],
    from: { id: `user-${conversationId}`, name: 'Test Person' },
    recipient: { id: 'bot', name: 'bot' },
    text,
    locale: 'en-US',
    deliveryMode: 'expectReplies',
    serviceUrl: 'http://127.0.0.1:9', // never used: replies come back in the response
    ...extra,
  };
}

export interface TurnResult {
  status: number;
  replies: Partial<Activity>[];
  headers: Headers;
}

/** One expectReplies turn over HTTP, as a channel would send it. */
export async function postActivity(baseUrl: string, activity: Partial<Activity>, headers: Record<string, string> = {}): Promise<TurnResult> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as { activities?: Partial<Activity>[] }) : {};
  return { status: response.status, replies: body.activities ?? [], headers: response.headers };
}
