// The ids of everything the bot asks about. They match the `items` list of
// ../shared/eval/dev.json, so predictions can be scored without a mapping table.
export const SYMPTOM_IDS = [
  'bone_pain',
  'bleeding_gums',
  'fever',
  'pale_skin',
  'easy_bruising',
  'petechiae',
  'fatigue',
  'swollen_lymph_nodes',
  'shortness_of_breath',
  'weight_loss_appetite',
] as const;

export const RISK_FACTOR_IDS = [
  'sibling_with_all',
  'genetic_syndrome',
  'chemical_radiation_exposure',
  'prior_cancer_treatment',
] as const;

export const ITEM_IDS = [...SYMPTOM_IDS, ...RISK_FACTOR_IDS] as const;

export const LOCALES = ['en', 'es'] as const;

export type ItemId = (typeof ITEM_IDS)[number];
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/** The language a check is not in: each message is tried in both. */
export const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'es' : 'en');
