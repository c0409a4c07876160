import { z } from 'zod';

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
  DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(['en', 'es']).default('en')),

  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  LOG_TRANSCRIPTS: booleanFlag,

  STATE_STORE: z.preprocess(emptyToUndefined, z.enum(['memory', 'redis']).default('memory')),
  REDIS_URL: optionalString,
  STATE_TTL_SECONDS: positiveInt(86_400),
  STATE_MAX_ENTRIES: positiveInt(50_000),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  port: number;
  microsoftApp: { id?: string; password?: string; type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; tenantId?: string };
  /** True when no MicrosoftAppId is set: local use, the Emulator and tests. */
  authDisabled: boolean;
  appointment: { phone: string; url?: string; hours?: string; organization: string };
  defaultLocale: 'en' | 'es';
  log: { level: string; transcripts: boolean };
  state: { store: 'memory' | 'redis'; redisUrl?: string; ttlSeconds: number; maxEntries: number };
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.STATE_STORE === 'redis' && !e.REDIS_URL) {
    throw new ConfigError('Invalid configuration: REDIS_URL: required when STATE_STORE=redis');
  }
  if (e.MicrosoftAppId && e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    throw new ConfigError('Invalid configuration: MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  return {
    port: e.PORT,
    microsoftApp: { id: e.MicrosoftAppId, password: e.MicrosoftAppPassword, type: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId },
    authDisabled: !e.MicrosoftAppId,
    appointment: { phone: e.APPOINTMENT_PHONE, url: e.APPOINTMENT_URL, hours: e.APPOINTMENT_HOURS, organization: e.ORGANIZATION_NAME },
    defaultLocale: e.DEFAULT_LOCALE,
    log: { level: e.LOG_LEVEL, transcripts: e.LOG_TRANSCRIPTS },
    state: { store: e.STATE_STORE, redisUrl: e.REDIS_URL, ttlSeconds: e.STATE_TTL_SECONDS, maxEntries: e.STATE_MAX_ENTRIES },
  };
}
