// The words of each language the code knows, for reading policy texts and writing dates and retention
// periods. Adding a language adds an entry here (TypeScript then lists every other dictionary that needs
// it: the site's UI, the banner's buttons, change summaries). Words are folded: lower case, no accents.
import type { RetentionUnit } from './model/retention'

export interface Locale {
  /** The language's own name. */
  name: string
  /** Its name in English, for the importer's messages. */
  englishName: string
  /** A link to the policy in this language, written in it ("English version"). */
  versionLink: string
  /** The locale Intl formats dates with. */
  intl: string
  /** Open Graph's locale. */
  ogLocale: string
  /** French writes the first day of a month as an ordinal: "1er juin". */
  firstOfMonth?: string
  /** How a policy's version line starts ("Version applicable depuis le 9 mars 2021"). */
  versionLineStarts: string[]
  /** Singular and plural of each retention unit, as written in a cookie table. */
  units: Record<RetentionUnit, [string, string]>
  /** More spellings of the units that texts use ("Tagen", "annees"). */
  unitVariants?: Partial<Record<RetentionUnit, string[]>>
  session: string
  /** Ways a text says "for the session". */
  sessionWords: string[]
  /** The words that introduce a retention inside another column ("Durée de conservation : 13 mois"). */
  retentionPrefixes: string[]
  /** "up to 13 months". */
  upTo: string[]
  /** Table headings, by column. */
  columns: Record<'name' | 'type' | 'purpose' | 'retention' | 'moreInfo' | 'provider', string[]>
  /** Words of a category heading that tell its purpose. */
  categories: Record<
    'necessary' | 'advertising' | 'social' | 'analytics' | 'functionality',
    string[]
  >
}

export const LOCALES = {
  fr: {
    name: 'Français',
    englishName: 'French',
    versionLink: 'Version française',
    intl: 'fr-FR',
    ogLocale: 'fr_FR',
    firstOfMonth: '1er',
    versionLineStarts: ['version'],
    units: {
      minute: ['minute', 'minutes'],
      hour: ['heure', 'heures'],
      day: ['jour', 'jours'],
      week: ['semaine', 'semaines'],
      month: ['mois', 'mois'],
      year: ['an', 'ans'],
    },
    unitVariants: { year: ['annee', 'annees'], minute: ['min'], hour: ['h'], day: ['j'] },
    session: 'Session',
    sessionWords: ['session', 'la session', 'de session', 'fin de session', 'fin de la session'],
    retentionPrefixes: ['duree de conservation', 'duree'],
    upTo: ["jusqu'a", 'jusqua', 'max', 'maximum'],
    columns: {
      name: ['nom', 'nom du cookie', 'nom des cookies', 'nom ou domaine', 'domaine', 'domaines'],
      type: ['type', 'types'],
      purpose: ['finalite', 'finalites', 'objet', 'description'],
      retention: ['duree de conservation', 'duree', 'duree de vie'],
      moreInfo: ['en savoir plus', "plus d'information", "plus d'informations"],
      provider: ['fournisseur', 'editeur', 'emetteur', 'societe'],
    },
    categories: {
      necessary: ['necessaire', 'strictement', 'essentiel', 'indispensable'],
      advertising: ['publicit', 'ciblage', 'marketing'],
      social: ['reseaux sociaux'],
      analytics: ['analy', 'statisti', 'audience', 'mesure'],
      functionality: ['fonctionnalit', 'interactivit', 'preference', 'personnalis'],
    },
  },
  en: {
    name: 'English',
    englishName: 'English',
    versionLink: 'English version',
    intl: 'en-GB',
    ogLocale: 'en_GB',
    versionLineStarts: ['version'],
    units: {
      minute: ['minute', 'minutes'],
      hour: ['hour', 'hours'],
      day: ['day', 'days'],
      week: ['week', 'weeks'],
      month: ['month', 'months'],
      year: ['year', 'years'],
    },
    unitVariants: { day: ['d'] },
    session: 'Session',
    sessionWords: ['session', 'end of session', 'end of the session', 'browser session'],
    retentionPrefixes: ['retention period', 'retention'],
    upTo: ['up to'],
    columns: {
      name: [
        'name',
        'names',
        'cookie',
        'cookies',
        'cookie name',
        'name or domain',
        'domain',
        'domains',
      ],
      type: ['type', 'types'],
      purpose: ['purpose', 'purposes', 'description'],
      retention: ['retention', 'retention period', 'lifetime', 'expiry', 'expiration', 'duration'],
      moreInfo: ['learn more', 'more info', 'more information'],
      provider: ['provider', 'vendor', 'company'],
    },
    categories: {
      necessary: ['necessary', 'essential', 'strictly'],
      advertising: ['advertis', 'targeting', 'marketing'],
      social: ['social'],
      analytics: ['analy', 'statisti', 'audience', 'measur', 'performance'],
      functionality: ['functional', 'interactiv', 'preference', 'personali'],
    },
  },
  de: {
    name: 'Deutsch',
    englishName: 'German',
    versionLink: 'Deutsche Fassung',
    intl: 'de-DE',
    ogLocale: 'de_DE',
    versionLineStarts: ['version', 'fassung', 'stand', 'gultig'],
    units: {
      minute: ['Minute', 'Minuten'],
      hour: ['Stunde', 'Stunden'],
      day: ['Tag', 'Tage'],
      week: ['Woche', 'Wochen'],
      month: ['Monat', 'Monate'],
      year: ['Jahr', 'Jahre'],
    },
    unitVariants: { day: ['tagen'], month: ['monaten'], year: ['jahren'] },
    session: 'Sitzung',
    sessionWords: ['sitzung', 'ende der sitzung', 'sitzungsende', 'session'],
    retentionPrefixes: ['speicherdauer', 'laufzeit'],
    upTo: ['bis zu', 'maximal', 'max'],
    columns: {
      name: ['name', 'cookie', 'cookie-name', 'name des cookies', 'domain', 'name oder domain'],
      type: ['typ', 'art'],
      purpose: ['zweck', 'zwecke', 'beschreibung'],
      retention: ['speicherdauer', 'laufzeit', 'dauer', 'ablauf'],
      moreInfo: ['mehr erfahren', 'mehr informationen', 'weitere informationen'],
      provider: ['anbieter'],
    },
    categories: {
      necessary: ['notwendig', 'erforderlich', 'essenziell', 'essentiell', 'unbedingt'],
      advertising: ['werbung', 'marketing'],
      social: ['soziale'],
      analytics: ['analyse', 'statistik', 'reichweite', 'messung'],
      functionality: ['funktional', 'praferenz', 'personalisier', 'komfort'],
    },
  },
} satisfies Record<string, Locale>

export type KnownLang = keyof typeof LOCALES

/** Every locale's words of one kind, for reading a text whose language the reader need not know. */
export function allLocales(): Locale[] {
  return Object.values(LOCALES)
}
