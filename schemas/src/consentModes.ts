// Google Consent Mode v2 signals, and which ones a category controls by default.
export const CONSENT_MODE_SIGNALS = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const
export type ConsentModeSignal = (typeof CONSENT_MODE_SIGNALS)[number]

/** Stable category keys the importer recognises, with the signals each one usually controls. */
export const CATEGORY_SIGNALS: Record<string, readonly ConsentModeSignal[]> = {
  necessary: ['security_storage'],
  analytics: ['analytics_storage'],
  advertising: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  social: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  functionality: ['functionality_storage', 'personalization_storage'],
}
