import { z } from 'zod';
import { LOCALES } from '../knowledge';

// Every setting the bot reads, validated once at start-up. Nothing else reads process.env.
// Defaults are the source page's values so that a fresh clone runs with no .env at all.

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const booleanFlag = z.preprocess(
  (value) => (value === undefined || value === '' ? 'false' : String(value).toLowerCase()),
  z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1'),
);
const positiveInt = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(fallback));
// Comma-separated origins (https://example.org); unset means every origin, for local use.
const originList = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? value.split(',').map((item) => item.trim()).filter(Boolean) : undefined),
  z
    .array(z.string().refine((item) => URL.canParse(item) && new URL(item).origin === item, 'each must be an origin such as https://www.example.org'))
    .optional(),
);

/** The website chat's name unless BOT_NAME is set; the page shows it in its own language (botName in locales/en/web.json and es). */
export const DEFAULT_BOT_NAME = 'Symptom Check';

const envSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')),
  MicrosoftAppTenantId: optionalString,

  APPOINTMENT_PHONE: z.preprocess(emptyToUndefined, z.string().regex(/^[0-9+()\- .]{7,25}$/, 'must be a phone number such as 1-888-663-3488').default('1-888-663-3488')),
  APPOINTMENT_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  APPOINTMENT_HOURS: optionalString,
  ORGANIZATION_NAME: z.preprocess(emptyToUndefined, z.string().default('Moffitt Cancer Center')),
  DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(LOCALES).default('en')),

  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  LOG_TRANSCRIPTS: booleanFlag,

  STATE_STORE: z.preprocess(emptyToUndefined, z.enum(['memory', 'redis']).default('memory')),
  REDIS_URL: optionalString,
  STATE_TTL_SECONDS: positiveInt(86_400),
  STATE_MAX_ENTRIES: positiveInt(50_000),
  REDIS_COMMAND_TIMEOUT_MS: positiveInt(2_000),
  LOG_ID_SALT: optionalString,
  RATE_LIMIT_CONVERSATION_PER_MINUTE: positiveInt(30),
  RATE_LIMIT_CLIENT_PER_MINUTE: positiveInt(1_200),
  TRUST_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
  HTTP_HEADERS_TIMEOUT_MS: positiveInt(10_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt(65_000),
  STARTUP_STORAGE_TIMEOUT_MS: positiveInt(60_000),

  BOT_NAME: z.preprocess(emptyToUndefined, z.string().max(60).default(DEFAULT_BOT_NAME)),
  // A 6-digit hex colour only, because it is written into the chat page's CSS.
  BRAND_COLOR: z.preprocess(emptyToUndefined, z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #00529B').default('#00529B')),
  ALLOWED_ORIGINS: originList,
  DIRECT_LINE_SECRET: optionalString,
  DIRECT_LINE_ENDPOINT: z.preprocess(emptyToUndefined, z.string().url().default('https://directline.botframework.com/v3/directline')),
  DIRECT_LINE_TOKEN_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  DIRECT_LINE_TOKEN_TTL_SECONDS: positiveInt(1_800),
  DIRECT_LINE_MAX_CONVERSATIONS: positiveInt(10_000),
  DIRECT_LINE_MAX_ACTIVITIES: positiveInt(200),

  // The https origin people and channels reach the bot at (behind any proxy); Twilio signs it.
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.string().url().refine((url) => /^https?:\/\//.test(url), 'must be an http(s) URL').optional()),
  // Comma-separated host names for the Teams manifest's validDomains; defaults to PUBLIC_URL's host.
  TEAMS_VALID_DOMAINS: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.split(',').map((item) => item.trim()).filter(Boolean) : undefined),
    z.array(z.string().regex(/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i, 'each must be a host name such as bot.example.org')).optional(),
  ),
  TWILIO_AUTH_TOKEN: optionalString,
  SMS_HASH_SECRET: optionalString,

  // Development only: lets callers on this machine play any channel on /api/messages.
  ALLOW_CHANNEL_EMULATION: booleanFlag,
});

/** Every variable the bot reads; .env.example lists each one. */
export const ENV_VARIABLES = Object.keys(envSchema.shape) as readonly (keyof typeof envSchema.shape)[];

// The environment's flat names, arranged into the settings object the rest of the bot reads.
const configSchema = envSchema.transform((e) => {
  const publicUrl = e.PUBLIC_URL?.replace(/\/+$/, '');
  return {
    port: e.PORT,
    microsoftApp: { id: e.MicrosoftAppId, password: e.MicrosoftAppPassword, type: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId },
    /** True when no MicrosoftAppId is set: local use, the Emulator and tests. */
    authDisabled: !e.MicrosoftAppId,
    /**
     * Who may post to /api/messages without an app id (bot/guards/channelIdentity.ts): the
     * emulator channel only, unless ALLOW_CHANNEL_EMULATION lets callers on this machine play any
     * channel. An app id makes every caller prove itself with a token, so the switch is then ignored;
     * so it is behind a proxy (TRUST_PROXY_HOPS > 0), where every caller may arrive from loopback.
     */
    messages: {
      channelEmulation: e.ALLOW_CHANNEL_EMULATION && !e.MicrosoftAppId && e.TRUST_PROXY_HOPS === 0,
      channelEmulationIgnored: e.ALLOW_CHANNEL_EMULATION && (Boolean(e.MicrosoftAppId) || e.TRUST_PROXY_HOPS > 0),
    },
    appointment: { phone: e.APPOINTMENT_PHONE, url: e.APPOINTMENT_URL, hours: e.APPOINTMENT_HOURS, organization: e.ORGANIZATION_NAME },
    defaultLocale: e.DEFAULT_LOCALE,
    /** idSalt keys the hash of conversation ids in logs; a random per-process key when unset. */
    log: { level: e.LOG_LEVEL, transcripts: e.LOG_TRANSCRIPTS, idSalt: e.LOG_ID_SALT },
    state: {
      store: e.STATE_STORE,
      redisUrl: e.REDIS_URL,
      ttlSeconds: e.STATE_TTL_SECONDS,
      maxEntries: e.STATE_MAX_ENTRIES,
      redisCommandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    },
    /**
     * Per minute: turns per conversation (per hashed phone number for SMS), and POSTs per person's
     * address on the routes people reach directly (bot/guards/httpGuards.ts). trustProxyHops is how
     * many reverse proxies append to X-Forwarded-For.
     */
    rateLimits: {
      conversationTurnsPerMinute: e.RATE_LIMIT_CONVERSATION_PER_MINUTE,
      clientRequestsPerMinute: e.RATE_LIMIT_CLIENT_PER_MINUTE,
      trustProxyHops: e.TRUST_PROXY_HOPS,
    },
    /** How long shutdown waits for in-flight turns before closing their connections. */
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    http: {
      /** How long a client may take to send a request's headers; then 408 and the connection closes. */
      headersTimeoutMs: Math.min(e.HTTP_HEADERS_TIMEOUT_MS, e.HTTP_REQUEST_TIMEOUT_MS),
      /** How long a client may take to send a whole request, body included (Node's default: 300 s). */
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      /**
       * How long an idle connection is kept open for the next request (Node's default: 5 s). It must
       * outlast the idle timeout of whatever sends us requests on kept-alive connections (a load
       * balancer, Azure's front end, a busy client): otherwise the sender reuses a connection we
       * have just closed and its request fails with "other side closed".
       */
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    /** How long start-up waits for the state store to answer before giving up; it listens only once it does. */
    startupStorageTimeoutMs: e.STARTUP_STORAGE_TIMEOUT_MS,
    web: {
      botName: e.BOT_NAME,
      brandColor: e.BRAND_COLOR,
      /** Origins that may embed the chat and call its endpoints; undefined means any. */
      allowedOrigins: e.ALLOWED_ORIGINS,
      directLine: {
        /** Azure Direct Line secret: when set, the page talks to Azure and our local endpoint is off. */
        secret: e.DIRECT_LINE_SECRET,
        endpoint: e.DIRECT_LINE_ENDPOINT.replace(/\/+$/, ''),
        /** Signs local conversation tokens; a random per-process key when unset. */
        tokenSecret: e.DIRECT_LINE_TOKEN_SECRET,
        tokenTtlSeconds: e.DIRECT_LINE_TOKEN_TTL_SECONDS,
        maxConversations: e.DIRECT_LINE_MAX_CONVERSATIONS,
        maxActivitiesPerConversation: e.DIRECT_LINE_MAX_ACTIVITIES,
      },
    },
    /** The public origin without a trailing slash, e.g. https://bot.example.org. */
    publicUrl,
    teams: { validDomains: e.TEAMS_VALID_DOMAINS ?? (e.PUBLIC_URL ? [new URL(e.PUBLIC_URL).host] : []) },
    sms: {
      /** SMS is served only when set: it checks every webhook's X-Twilio-Signature. */
      twilioAuthToken: e.TWILIO_AUTH_TOKEN,
      /** Twilio calls this exact URL and signs it; the local URL differs behind a proxy. */
      webhookUrl: publicUrl ? `${publicUrl}/api/sms` : undefined,
      /** Keys the HMAC of phone numbers, so no number is stored or logged; required with TWILIO_AUTH_TOKEN. */
      hashSecret: e.SMS_HASH_SECRET,
    },
  };
});

/** A setting that may be undefined is an optional key, as in `url?: string`, so partial test configs type-check. */
type OptionalWhereUndefined<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T as undefined extends T[K] ? never : K]: OptionalWhereUndefined<T[K]> } & {
        [K in keyof T as undefined extends T[K] ? K : never]?: OptionalWhereUndefined<T[K]>;
      } extends infer Settings
      ? { [K in keyof Settings]: Settings[K] }
      : never
    : T;

export type Config = OptionalWhereUndefined<z.output<typeof configSchema>>;

export class ConfigError extends Error {}

function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/**
 * What the Teams app package needs (npm run package:teams): the app id and the domains. The
 * package holds no secret, so unlike the server it does not ask for MicrosoftAppPassword.
 */
export function loadTeamsPackageSettings(env: Record<string, string | undefined>): { botId?: string; validDomains: string[] } {
  const config = parseConfig(env);
  return { botId: config.microsoftApp.id, validDomains: config.teams.validDomains };
}

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const config = parseConfig(env);
  if (config.state.store === 'redis' && !config.state.redisUrl) {
    throw new ConfigError('Invalid configuration: REDIS_URL: required when STATE_STORE=redis');
  }
  // Each instance would sign with its own random key and refuse the tokens of the others.
  if (config.state.store === 'redis' && !config.web.directLine.secret && !config.web.directLine.tokenSecret) {
    throw new ConfigError(
      'Invalid configuration: DIRECT_LINE_TOKEN_SECRET: required when STATE_STORE=redis (every instance must sign web chat tokens with the same key), unless DIRECT_LINE_SECRET uses Azure',
    );
  }
  if (config.microsoftApp.id && config.microsoftApp.type !== 'UserAssignedMSI' && !config.microsoftApp.password) {
    throw new ConfigError('Invalid configuration: MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if (config.sms.twilioAuthToken && !config.publicUrl) {
    throw new ConfigError('Invalid configuration: PUBLIC_URL: required when TWILIO_AUTH_TOKEN is set (Twilio signs the public URL)');
  }
  // A key anyone could read would let them hash a phone number and find (or drive) that person's check.
  if (config.sms.twilioAuthToken && !config.sms.hashSecret) {
    throw new ConfigError('Invalid configuration: SMS_HASH_SECRET: required when TWILIO_AUTH_TOKEN is set (a long random value of your own; it keys the hash of phone numbers)');
  }
  return config;
}
