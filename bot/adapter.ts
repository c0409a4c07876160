import {
  Activity,
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  DeliveryModes,
  TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, BotFrameworkAuthentication, ClaimsIdentity } from 'botframework-connector';
import type { Config } from './config';

export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * The one adapter every channel goes through. Azure-hosted channels (Web Chat through Azure,
 * Teams, the Emulator) come in on /api/messages with a channel token; our own edges (the local
 * Direct Line endpoint, the Twilio SMS webhook) have already checked their caller and use
 * `processInternal`, which runs the same middleware and bot with replies buffered in memory.
 */
export class CheckAdapter extends CloudAdapter {
  private readonly auth: BotFrameworkAuthentication;
  private readonly appId: string;

  constructor(auth: BotFrameworkAuthentication, appId: string | undefined) {
    super(auth);
    this.auth = auth;
    this.appId = appId ?? '';
  }

  /** Runs one activity as an expectReplies turn and returns the bot's replies. */
  async processInternal(activity: Partial<Activity>, logic: TurnLogic): Promise<Partial<Activity>[]> {
    // The claims of a caller that is this bot itself: our edges authenticated the person already.
    const claimsIdentity = new ClaimsIdentity(
      [
        { type: AuthenticationConstants.AudienceClaim, value: this.appId },
        { type: AuthenticationConstants.AppIdClaim, value: this.appId },
        { type: AuthenticationConstants.VersionClaim, value: '1.0' },
      ],
      true,
    );
    const turnActivity = { ...activity, deliveryMode: DeliveryModes.ExpectReplies } as Activity;
    const response = await this.processActivity(
      {
        claimsIdentity,
        audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
        callerId: undefined,
        connectorFactory: this.auth.createConnectorFactory(claimsIdentity),
      },
      turnActivity,
      logic,
    );
    const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
    return body?.activities ?? [];
  }
}

export function createAdapter(config: Config): CheckAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.microsoftApp.id ?? '',
    MicrosoftAppPassword: config.microsoftApp.password ?? '',
    MicrosoftAppType: config.microsoftApp.type,
    MicrosoftAppTenantId: config.microsoftApp.tenantId ?? '',
  });
  return new CheckAdapter(auth, config.microsoftApp.id);
}

export const isMessage = (activity: Partial<Activity>) => activity.type === ActivityTypes.Message;
