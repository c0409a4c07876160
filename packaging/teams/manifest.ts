import template from './manifest.template.json';

// The template's empty validDomains would otherwise type as never[].
export type TeamsManifest = Omit<typeof template, 'validDomains'> & { validDomains: string[] };

export interface ManifestSettings {
  /** MicrosoftAppId: the Azure Bot's app registration; also used as the Teams app id. */
  botId?: string;
  /** Hosts the app may open, from TEAMS_VALID_DOMAINS or PUBLIC_URL. */
  validDomains: readonly string[];
  /** package.json's version: Teams wants a new version for every changed package. */
  version: string;
}

/** Sideloading works with it, but Teams cannot reach a bot registered under it. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/** The manifest for these settings, and what a person building it should hear about. */
export function buildManifest(settings: ManifestSettings): { manifest: TeamsManifest; warnings: string[] } {
  const warnings: string[] = [];
  let botId = settings.botId;
  if (!botId) {
    warnings.push(`MicrosoftAppId is not set: the package uses the placeholder bot id ${PLACEHOLDER_BOT_ID}. Set it to the Azure Bot's app id before sideloading.`);
    botId = PLACEHOLDER_BOT_ID;
  } else if (!GUID.test(botId)) {
    throw new Error(`MicrosoftAppId must be a GUID for Teams, got "${botId}".`);
  }
  if (settings.validDomains.length === 0) warnings.push('Neither TEAMS_VALID_DOMAINS nor PUBLIC_URL is set: validDomains is empty.');
  const [firstBot, ...otherBots] = template.bots;
  if (!firstBot || otherBots.length > 0) throw new Error('The manifest template must declare exactly one bot.');
  const manifest: TeamsManifest = {
    ...template,
    id: botId,
    version: settings.version,
    bots: [{ ...firstBot, botId }],
    validDomains: [...new Set(settings.validDomains)],
  };
  return { manifest, warnings };
}
