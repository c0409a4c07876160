import {
  Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  DeliveryModes,
  TurnContext,
} from 'botbuilder';
import {
  AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';
// Not in botbuilder's index; `handle` below needs what `process` does with a body, and nothing else.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Config } from './config';
import { errorBody } from './httpErrors';
import { createLogger } from './observability/logger';

type TurnLogic = (context: TurnContext) => Promise<void>;

/** The parts of a restify (or Express) request and response that `handle` uses. */
interface PostedRequest {
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}
interface EndableResponse {
  status(code: number): unknown;
  send(body: unknown): unknown;
  end(): unknown;
}

/** Where the adapter reports a refused token or a failed turn of /api/messages. */
export type AdapterLogger = Pick<Logger, 'warn' | 'error'>;

// What a caller of /api/messages is told. botbuilder would answer with the error's own message
// (e.g. "connect ECONNREFUSED 127.0.0.1:1") and print the whole error, request and all, to stderr.
const NOT_AUTHORIZED = { status: 401, body: errorBody('unauthorized', 'A valid Bot Framework token for this bot and serviceUrl is required.') };
const TURN_FAILED = { status: 500, body: errorBody('turn_failed', 'The bot could not complete this turn.') };
const AUTH_UNAVAILABLE = { status: 503, body: errorBody('auth_unavailable', 'The channel token could not be checked now; try again.') };

// Profiling showed a fresh ConnectorClient (an Azure HTTP pipeline) built on every turn, most of
// which never send anything (expectReplies). The client depends only on our own app's
// credentials, the service URL and the audience, so one per pair is reused.
type ClientCache<Client> = LRUCache<string, Promise<Client>>;

// A bound, because service URLs and audiences come from the activities channels send.
const clientCache = <Client>(): ClientCache<Client> => new LRUCache({ max: 200 });

/** The cached client for a key, created on first use; a failed creation is dropped so the next turn retries. */
function reusedClient<Client>(cache: ClientCache<Client>, key: string, create: () => Promise<Client>): Promise<Client> {
  let client = cache.get(key);
  if (!client) {
    client = create();
    client.catch(() => cache.delete(key));
    cache.set(key, client);
  }
  return client;
}

class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly cache: ClientCache<ConnectorClient>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return reusedClient(this.cache, `${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/**
 * The one adapter every channel goes through. Azure-hosted channels (Web Chat through Azure,
 * Teams, the Emulator) come in on /api/messages with a channel token; our own edges (the local
 * Direct Line endpoint, the Twilio SMS webhook) have already checked their caller and use
 * `processInternal`, which runs the same middleware and bot with replies buffered in memory.
 */
export class CheckAdapter extends CloudAdapter {
  private readonly auth: BotFrameworkAuthentication;
  private readonly appId: string;
  private readonly clients = clientCache<ConnectorClient>();
  private internalAuth?: AuthenticateRequestResult;

  constructor(
    auth: BotFrameworkAuthentication,
    appId: string | undefined,
    private readonly logger: AdapterLogger,
  ) {
    super(auth);
    this.auth = auth;
    this.appId = appId ?? '';
  }

  /** The claims of a caller that is this bot itself: our edges authenticated the person already. */
  private internalCaller(): AuthenticateRequestResult {
    const claimsIdentity = new ClaimsIdentity(
      [
        { type: AuthenticationConstants.AudienceClaim, value: this.appId },
        { type: AuthenticationConstants.AppIdClaim, value: this.appId },
        { type: AuthenticationConstants.VersionClaim, value: '1.0' },
      ],
      true,
    );
    return {
      claimsIdentity,
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      callerId: undefined,
      connectorFactory: new CachingConnectorFactory(this.auth.createConnectorFactory(claimsIdentity), this.clients),
    };
  }

  /**
   * Channel requests (/api/messages): authenticated as usual, then served with cached clients. A
   * refused token or a failed turn is answered here with our own body and logged through our
   * logger, so CloudAdapter.process never sees the error (it would print it and send its text).
   */
  protected override async processActivity(
    authHeaderOrResult: string | AuthenticateRequestResult,
    activity: Activity,
    logic: TurnLogic,
  ) {
    if (typeof authHeaderOrResult !== 'string') return super.processActivity(authHeaderOrResult, activity, logic);
    let result: AuthenticateRequestResult;
    try {
      result = await this.auth.authenticateRequest(activity, authHeaderOrResult);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        // botframework-connector's reason ("ServiceUrl claim do not match."), never the token.
        this.logger.warn({ event: 'channel_token_refused', reason: error.message }, 'channel token refused');
        return NOT_AUTHORIZED;
      }
      // The signing keys could not be fetched (Azure's metadata endpoint unreachable, say).
      this.logger.error({ event: 'channel_token_unchecked', err: error }, 'could not check a channel token');
      return AUTH_UNAVAILABLE;
    }
    const connectorFactory = result.connectorFactory && new CachingConnectorFactory(result.connectorFactory, this.clients);
    try {
      return await super.processActivity({ ...result, connectorFactory }, activity, logic);
    } catch (error) {
      // What onTurnError could not handle, e.g. its apology failing to reach serviceUrl too.
      this.logger.error({ event: 'turn_failed', err: error, channel: activity.channelId, activityType: activity.type }, 'turn failed');
      return TURN_FAILED;
    }
  }

  /**
   * What `CloudAdapter.process` does with a POSTed activity, without its zod checks. `process`
   * builds three zod schemas per request and parses the response object, the body (twice) and the
   * token header with them, about 3% of an HTTP turn's CPU (`npm run bench -- http`). Here the
   * route's guards have already accepted the body as an activity (guards/activityShape.ts), so
   * what is left of `process` is this: the same timestamp parsing, the same token header, the
   * same ending of the response.
   */
  async handle(req: PostedRequest, res: EndableResponse, logic: TurnLogic): Promise<void> {
    const activity = validateAndFixActivity(req.body as Activity);
    const header = req.headers.authorization;
    const { status, body } = (await this.processActivity(typeof header === 'string' ? header : '', activity, logic)) ?? {};
    res.status(status ?? 200);
    if (body) res.send(body);
    res.end();
  }

  /** Runs one activity as an expectReplies turn and returns the bot's replies. */
  async processInternal(activity: Partial<Activity>, logic: TurnLogic): Promise<Partial<Activity>[]> {
    const turnActivity = { ...activity, deliveryMode: DeliveryModes.ExpectReplies } as Activity;
    this.internalAuth ??= this.internalCaller();
    const response = await this.processActivity(this.internalAuth, turnActivity, logic);
    const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
    return body?.activities ?? [];
  }
}

/**
 * Where channel tokens' signing keys are published, among botbuilder's own settings
 * (ConfigurationBotFrameworkAuthentication). Production never sets these: they default to Azure's.
 * Tests point ToBotFromChannelOpenIdMetadataUrl at a key set on loopback to sign real tokens.
 */
export type ChannelAuthSettings = Partial<Record<'ToBotFromChannelOpenIdMetadataUrl' | 'ToBotFromChannelTokenIssuer', string>>;

const PUBLIC_CLOUD_CHANNEL_AUTH = {
  ValidateAuthority: true,
  ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
  ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
  ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
  OAuthUrl: AuthenticationConstants.OAuthUrl,
  ToBotFromChannelOpenIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
  ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  CallerId: CallerIdConstants.PublicAzureChannel,
};

/** `logger` is the app's; tests of one edge may leave it out and get one built from `config`. */
export function createAdapter(config: Config, channelAuth: ChannelAuthSettings = {}, logger: AdapterLogger = createLogger(config)): CheckAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.microsoftApp.id ?? '',
    MicrosoftAppPassword: config.microsoftApp.password ?? '',
    MicrosoftAppType: config.microsoftApp.type,
    MicrosoftAppTenantId: config.microsoftApp.tenantId ?? '',
    // botbuilder takes any one of these settings to mean all are given, so the rest keep Azure's public cloud values.
    ...(Object.keys(channelAuth).length > 0 ? { ...PUBLIC_CLOUD_CHANNEL_AUTH, ...channelAuth } : {}),
  });
  reuseUserTokenClients(auth);
  return new CheckAdapter(auth, config.microsoftApp.id, logger);
}

/**
 * CloudAdapter builds a user-token client (another Azure HTTP pipeline) on every turn for OAuth
 * prompts we never use; it depends only on the caller's app id and audience claims, so one per
 * pair is kept. Profiling put its construction at several percent of a turn.
 */
function reuseUserTokenClients(auth: BotFrameworkAuthentication): void {
  const clients = clientCache<UserTokenClient>();
  const create = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (identity: ClaimsIdentity) => {
    const key = ['appid', 'azp', 'aud'].map((type) => identity.getClaimValue(type) ?? '').join('\n');
    return reusedClient(clients, key, () => create(identity));
  };
}

