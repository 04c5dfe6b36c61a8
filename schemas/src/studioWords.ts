// The Studio's own words in every known language, beside the site's and the banner's (locales.ts): field titles
// and descriptions, validation messages, previews, the structure, the publish dialog. Sanity's interface has
// its own locale plugins; these are the words this project wrote. Placeholders are written {{name}}, as
// Sanity's i18next reads them. Legal terms follow the regulators' own wording: the CNIL's (consentement,
// durée de conservation, traceurs, finalité, strictement nécessaire, langue qui fait foi) and the German
// authorities' (Einwilligung, Speicherdauer, Zweck, Anbieter, unbedingt erforderlich, Widerruf,
// maßgebliche Sprache). Adding a language adds an entry here: TypeScript then names every missing key.
import type { KnownLang } from './locales'

/** The namespace of these words in the Studio's i18n. */
export const STUDIO_NAMESPACE = 'cookie-policy'

const en = {
  // Document and object types
  'type.policy': 'Policy',
  'type.policyVersion': 'Policy version',
  'type.cookieCategory': 'Cookie category',
  'type.cookie': 'Cookie',
  'type.provider': 'Provider',
  'type.scanReport': 'Scan report',
  'type.localeString': 'Localised text (one line)',
  'type.localeText': 'Localised text (paragraph)',
  'type.localeBlockContent': 'Localised rich text',
  'type.blockContent': 'Rich text',
  'type.retention': 'Retention period',
  'type.policySection': 'Section',
  'type.catalogSnapshot': 'Catalog as published',
  'type.snapshotCategory': 'Category (as published)',
  'type.snapshotCookie': 'Cookie (as published)',
  'type.snapshotProvider': 'Provider (as published)',
  'type.consentChange': 'Consent change',
  'type.scanFinding': 'Finding',

  // A localised value's field in one language ({{language}}: that language's name)
  'localized.language.help':
    'The text in {{language}}. Required in the policy’s binding language; in another language, leave it empty to show the binding text with a note.',

  // Cookie
  'cookie.name': 'Name or domain',
  'cookie.name.help':
    'As printed in the policy: a cookie name (im_lang), a pattern with * (_ga_*), a domain starting with a dot (.stripe.com), or several names separated by " / ".',
  'cookie.names': 'Every name',
  'cookie.names.help':
    'The individual names the row covers, filled in from the name above when it lists several.',
  'cookie.category': 'Category',
  'cookie.category.help': 'The purpose the cookie serves; visitors accept or refuse categories.',
  'cookie.provider': 'Provider',
  'cookie.provider.help': 'The company that sets the cookie.',
  'cookie.type': 'Type',
  'cookie.type.help':
    'The short label printed in the "Type" column ("Fonctionnement", "Analytique").',
  'cookie.purpose': 'Purpose',
  'cookie.purpose.help': 'What the cookie is used for, in words a visitor understands.',
  'cookie.retention': 'Retention period',
  'cookie.retention.help':
    'How long the cookie stays on the visitor’s device. CNIL: at most 13 months for a cookie that needs consent.',
  'cookie.moreInfoUrl': 'More information',
  'cookie.moreInfoUrl.help':
    'A page that says more about the cookie (the provider’s policy). Required when the retention is unknown.',
  'cookie.scan': 'Found by a scan',
  'cookie.scan.help':
    'This cookie was found on the sites by the scanner, undeclared, and drafted from the Open Cookie Database’s suggestion: check every field before publishing it.',
  'cookie.scan.report': 'Scan report',
  'cookie.scan.seenOn': 'First seen on',
  'cookie.scan.phase': 'Phase',
  'cookie.scan.suggestedBy': 'Suggested by',
  'cookie.order': 'Order',
  'cookie.order.help': 'Where the cookie appears in its category’s table (1 first).',

  // Cookie category
  'cookieCategory.policy': 'Policy',
  'cookieCategory.policy.help': 'The policy whose catalog this category belongs to.',
  'cookieCategory.title': 'Title',
  'cookieCategory.title.help':
    'The heading visitors read, for example "Cookies d’analyse et de statistiques d’audience".',
  'cookieCategory.key': 'Key',
  'cookieCategory.key.help':
    'A short stable identifier used by the banner ("necessary", "analytics"). Changing it asks every visitor again.',
  'cookieCategory.description': 'Description',
  'cookieCategory.description.help':
    'What these cookies do for the visitor, shown before any choice (CNIL: each purpose needs a description).',
  'cookieCategory.required': 'Strictly necessary',
  'cookieCategory.required.help':
    'On: visitors cannot refuse these cookies. Only for what the service cannot work without (ePrivacy art. 5(3)).',
  'cookieCategory.order': 'Order',
  'cookieCategory.order.help': 'Where the category appears in the policy and the banner (1 first).',
  'cookieCategory.consentModes': 'Google Consent Mode signals',
  'cookieCategory.consentModes.help':
    'The Consent Mode v2 signals granted when a visitor accepts this category.',

  // Policy
  'policy.title': 'Title',
  'policy.title.help': 'The policy’s title as visitors read it.',
  'policy.slug': 'Address',
  'policy.slug.help':
    'The last part of the policy’s web address, for example "cookies" for /fr/cookies.',
  'policy.bindingLanguage': 'Binding language',
  'policy.bindingLanguage.help':
    'The language whose text is legally binding. Its text is required everywhere; the other languages are translations, shown with a note where they are missing.',
  'policy.timeZone': 'Time zone',
  'policy.timeZone.help':
    'A version takes effect at midnight in this time zone on its effective date (for example Europe/Paris, Europe/London).',
  'policy.isDefault': 'Default policy',
  'policy.isDefault.help':
    'On: the site’s home page, the banner and the catalog without a policy parameter use this policy. Needed only when there is more than one policy.',
  'policy.publisher': 'Publisher',
  'policy.publisher.help':
    'The company responsible for the site and this policy (the data controller).',
  'policy.siteUrl': 'Site',
  'policy.siteUrl.help': 'The site this policy covers.',
  'policy.intro': 'Introduction',
  'policy.intro.help':
    'The paragraphs before the first numbered section. Edit here, then publish a new version.',
  'policy.sections': 'Sections',
  'policy.sections.help':
    'The numbered sections of the policy text. Edit here, then publish a new version.',

  // Policy version
  'policyVersion.policy': 'Policy',
  'policyVersion.policy.help': 'The policy this version belongs to.',
  'policyVersion.version': 'Version',
  'policyVersion.version.help':
    'The version number: 1 for the first, then one more for each new version.',
  'policyVersion.effectiveFrom': 'In force from',
  'policyVersion.effectiveFrom.help':
    'The day the version takes effect, at midnight in the policy’s time zone. A later date schedules it: it shows as upcoming until then.',
  'policyVersion.changeSummary': 'What changed',
  'policyVersion.changeSummary.help':
    'A short summary of the changes for visitors, shown in the version history.',
  'policyVersion.requiresNewConsent': 'Requires new consent',
  'policyVersion.requiresNewConsent.help':
    'On when any category’s consent changed materially (see “Consent, category by category”): banners that only know one revision for the whole policy ask every visitor again.',
  'policyVersion.consentChanges': 'Consent, category by category',
  'policyVersion.consentChanges.help':
    'For each category a visitor may refuse: whether this version changed what visitors agreed to. The banner asks again only about the categories changed materially, with the line “what changed”.',
  'policyVersion.title': 'Title',
  'policyVersion.title.help': 'The policy’s title as published in this version.',
  'policyVersion.intro': 'Introduction',
  'policyVersion.intro.help': 'The introduction as published in this version.',
  'policyVersion.sections': 'Sections',
  'policyVersion.sections.help': 'The text as published in this version.',
  'policyVersion.snapshot': 'Catalog as published',
  'policyVersion.snapshot.help':
    'The cookie catalog frozen when this version was published. History shows what visitors were actually told.',
  'policyVersion.contentHash': 'Content hash',
  'policyVersion.contentHash.help':
    'SHA-256 of what this version says, computed when it was published. The site refuses to show a version whose content no longer matches it.',
  'consentChange.category': 'Category',
  'consentChange.change': 'Change',
  'consentChange.suggested': 'Suggested from the differences',
  'consentChange.reason': 'Why the editor chose otherwise',
  'consentChange.whatChanged': 'What changed, for visitors',

  // Provider
  'provider.name': 'Name',
  'provider.name.help': 'The company’s name as visitors know it, for example "Stripe".',
  'provider.privacyPolicyUrl': 'Privacy policy',
  'provider.privacyPolicyUrl.help': 'The provider’s own privacy or cookie policy (https).',
  'provider.country': 'Country',
  'provider.country.help':
    'Two-letter country code where the provider is established (FR, US, ...): transfers outside the EU must be disclosed.',

  // Scan report
  'scanReport.policy': 'Policy',
  'scanReport.version': 'Version in force',
  'scanReport.version.help': 'The policy version the sites were checked against.',
  'scanReport.scannedAt': 'Scanned at',
  'scanReport.urls': 'Pages scanned',
  'scanReport.phases': 'Phases',
  'scanReport.phases.help':
    'before (no choice), reject, accept, only:<category>, withdraw, gpc (Global Privacy Control)',
  'scanReport.rejectHonoured': 'Reject honoured',
  'scanReport.gpcHonoured': 'GPC honoured',
  'scanReport.withdrawalHonoured': 'Withdrawal honoured',
  'scanReport.nothingUndeclared': 'Nothing undeclared',
  'scanReport.findings': 'What to fix',
  'scanFinding.kind': 'Kind',
  'scanFinding.name': 'Cookie, key or host',
  'scanFinding.domain': 'Domain',
  'scanFinding.phase': 'Phase',
  'scanFinding.reason': 'What to fix',

  // The catalog as published
  'snapshotProvider.name': 'Name',
  'snapshotProvider.name.help': 'The company that sets the cookie.',
  'snapshotProvider.privacyPolicyUrl': 'Privacy policy',
  'snapshotProvider.privacyPolicyUrl.help': 'The provider’s privacy policy.',
  'snapshotProvider.country': 'Country',
  'snapshotProvider.country.help': 'Where the provider is established.',
  'snapshotCookie.cookieId': 'Catalog entry',
  'snapshotCookie.cookieId.help': 'The id of the catalog entry this row was copied from.',
  'snapshotCookie.name': 'Name or domain',
  'snapshotCookie.name.help': 'As printed in the policy.',
  'snapshotCookie.names': 'Names',
  'snapshotCookie.names.help': 'Every name the row covers.',
  'snapshotCookie.kind': 'Kind',
  'snapshotCookie.kind.help': 'name, pattern or domain.',
  'snapshotCookie.provider': 'Provider',
  'snapshotCookie.provider.help': 'Who sets the cookie.',
  'snapshotCookie.type': 'Type',
  'snapshotCookie.type.help': 'The type label printed in the policy.',
  'snapshotCookie.purpose': 'Purpose',
  'snapshotCookie.purpose.help': 'What the cookie is for.',
  'snapshotCookie.retention': 'Retention period',
  'snapshotCookie.retention.help': 'How long the cookie lives.',
  'snapshotCookie.moreInfoUrl': 'More information',
  'snapshotCookie.moreInfoUrl.help': 'Where to learn more.',
  'snapshotCategory.key': 'Key',
  'snapshotCategory.key.help': 'The stable key of the category.',
  'snapshotCategory.title': 'Title',
  'snapshotCategory.title.help': 'As printed in the policy.',
  'snapshotCategory.description': 'Description',
  'snapshotCategory.description.help': 'As printed in the policy.',
  'snapshotCategory.required': 'Strictly necessary',
  'snapshotCategory.required.help': 'Whether visitors could refuse it.',
  'snapshotCategory.consentModes': 'Consent Mode signals',
  'snapshotCategory.consentModes.help': 'Google Consent Mode v2 signals the category controlled.',
  'snapshotCategory.cookies': 'Cookies',
  'snapshotCategory.cookies.help': 'The cookies of the category, in the published order.',
  'catalogSnapshot.categories': 'Categories',
  'catalogSnapshot.categories.help':
    'The categories and cookies exactly as this version published them.',

  // Section, retention, rich text
  'policySection.number': 'Number',
  'policySection.number.help':
    'The section number as printed: "1" for a section, "2.1" for a sub-section.',
  'policySection.heading': 'Heading',
  'policySection.heading.help': 'The heading of the section, without its number.',
  'policySection.body': 'Text',
  'policySection.body.help': 'The paragraphs of the section.',
  'policySection.categoryKey': 'Cookie category shown here',
  'policySection.categoryKey.help':
    'The key of the cookie category whose table appears at the end of this section (for example "necessary"). Leave empty for prose only.',
  'retention.kind': 'Kind',
  'retention.kind.help':
    'Session: deleted when the browser closes. Duration: kept for a set time. Unknown: the provider does not say; give a more-information link on the cookie.',
  'retention.kind.session': 'Session',
  'retention.kind.duration': 'Duration',
  'retention.kind.unknown': 'Unknown',
  'retention.amount': 'Amount',
  'retention.amount.help': 'How many units the cookie is kept, for example 13 (months).',
  'retention.unit': 'Unit',
  'retention.unit.help': 'The unit of the amount.',
  'link.href': 'Address',
  'link.href.help': 'Where the link goes. Use an https:// address.',
  'block.paragraph': 'Paragraph',
  'block.bullets': 'Bullets',
  'block.numbered': 'Numbered',
  'block.bold': 'Bold',
  'block.italic': 'Italic',
  'block.link': 'Link',

  // Lists
  'ordering.policyOrder': 'Policy order',
  'ordering.newestFirst': 'Newest first',
  'template.cookieInCategory': 'Cookie in this category',

  // Validation
  'valid.cookieNameRequired':
    'Give the cookie’s name (or a pattern such as _ga_*, or a domain such as .stripe.com).',
  'valid.https': 'Use an https:// address.',
  'valid.key': 'A key is lower-case letters, digits, "-" or "_", starting with a letter.',
  'valid.timeZone': '"{{value}}" is not a time zone: write it like Europe/Paris.',
  'valid.country': 'Use a two-letter country code such as FR or US.',
  'valid.sectionNumber': 'Write the number as "1" or "2.1".',
  'valid.amountMissing': 'Give the number of units the cookie is kept.',
  'valid.amountWhole': 'The amount must be a whole number of at least 1.',
  'valid.unitMissing': 'Choose the unit (days, months, ...).',
  'rule.notDomain': '"{{name}}" is not a domain: write it like .stripe.com.',
  'rule.notCookieName':
    '"{{name}}" cannot be a cookie name: no spaces, commas, semicolons or quotes. Separate several names with " / ".',
  'rule.matchesEverything':
    '"{{name}}" would match every cookie: keep the fixed part of the name, as in _ga_*.',
  'rule.retentionOrLink':
    'Give a retention period, or a more-information link where the provider says how long the cookie lives.',
  'rule.thirteenMonths':
    'CNIL: a cookie that needs consent lives at most 13 months, then consent is asked again. Shorten the retention, or move the cookie to a strictly necessary category if it truly is one.',
  'rule.consentCookieSixMonths':
    'CNIL: the visitor’s choice ({{name}}) should be kept about 6 months, then asked again. The banner keeps it 182 days; consider declaring 6 months.',
  'rule.trackerEssential':
    'EDPB: do not label trackers "essential". A cookie of type "{{type}}" in a strictly necessary category cannot be refused by visitors; move it to a category that asks for consent unless it is exempt.',
  'rule.effectiveDateBefore':
    "This date is before version {{version}}'s ({{date}}): a version cannot take effect before the one it replaces.",
  'rule.nameTaken': 'The catalog already lists {{name}}: a name appears once per policy.',
  'rule.defaultTaken': 'The policy "{{slug}}" is already the default: one policy only can be.',
  'rule.bindingRequired':
    'The {{language}} text is required: {{language}} is this policy’s binding language.',
  'rule.translationMissing':
    '{{binding}} is binding; {{language}} translation missing: visitors reading in {{language}} will see the {{binding}} text with a note.',

  // Previews
  'preview.unnamedCookie': 'Unnamed cookie',
  'preview.noCategory': 'No category',
  'preview.retentionUnknown': 'retention unknown',
  'preview.kind.pattern': 'pattern',
  'preview.kind.domain': 'domain',
  'preview.strictlyNecessary': 'strictly necessary',
  'preview.untitledCategory': 'Untitled category',
  'preview.untitledPolicy': 'Untitled policy',
  'preview.untitledSection': 'Untitled section',
  'preview.unnamedProvider': 'Unnamed provider',
  'preview.noAddress': 'no address yet',
  'preview.version': 'Version {{version}} · {{title}}',
  'preview.upcoming': 'upcoming, from {{date}}',
  'preview.effective': 'effective {{date}}',
  'preview.asksAgain': 'asks consent again',
  'preview.suggested': 'suggested: {{change}}',
  'preview.scan': 'Scan of {{date}} · version {{version}}',
  'preview.rejectHonoured': 'reject honoured',
  'preview.rejectNotHonoured': 'reject NOT honoured',
  'preview.gpcHonoured': 'GPC honoured',
  'preview.gpcNotHonoured': 'GPC NOT honoured',
  'preview.nothingUndeclared': 'nothing undeclared',
  'preview.undeclared': 'undeclared cookies',

  // Structure
  'structure.tool': 'Structure',
  'structure.title': 'Cookie policy',
  'structure.policies': 'Policies',
  'structure.policy': 'Policy',
  'structure.textAndSettings': 'Text and settings (edit, then publish a version)',
  'structure.versions': 'Published versions, newest first',
  'structure.versionList': 'Versions',
  'structure.catalog': 'Cookie catalog',
  'structure.categories': 'Categories',
  'structure.cookiesByCategory': 'Cookies by category',
  'structure.cookies': 'Cookies',
  'structure.allCookies': 'All cookies',
  'structure.providers': 'Providers',
  'structure.scanFindings': 'Scan findings',
  'structure.scanFindingsList': 'Scan findings: undeclared cookies, drafted',
  'structure.scanReports': 'Scan reports',
  'structure.evidence': 'Evidence',

  // Publishing a version
  'publish.action': 'Publish a new version',
  'publish.needsPublishedPolicy': 'Publish the policy document first.',
  'publish.needsNoDraft': 'Publish or discard the pending changes of the policy first.',
  'publish.noPolicy': 'There is no published policy "{{slug}}" yet.',
  'publish.intro':
    'Version {{version}} will be created from the policy text and the catalog as they are published now. It cannot be edited afterwards: a mistake is corrected by publishing another version.',
  'publish.effectiveFrom': 'In force from ({{timeZone}} time)',
  'publish.effectiveFrom.help':
    'A later date schedules the version: it is listed as upcoming and takes effect at midnight that day.',
  'publish.summary': 'What changed ({{language}})',
  'publish.summaryBinding': 'What changed ({{language}}, binding)',
  'publish.consentIntro':
    'Visitors are asked again only about the categories changed materially, with the line “what changed”; their other choices carry forward. A refusal is not asked again for six months.',
  'publish.change.none': 'No change',
  'publish.change.editorial': 'Editorial: nothing a visitor agreed to grows',
  'publish.change.material': 'Material: visitors who accepted are asked again',
  'publish.changeShort.none': 'No change',
  'publish.changeShort.editorial': 'Editorial',
  'publish.changeShort.material': 'Material',
  'publish.suggested': 'Suggested from the differences: {{change}}',
  'publish.suggestedWhy': 'Suggested from the differences: {{change}} ({{why}})',
  'publish.reason': 'Why (required: it is kept with the version)',
  'publish.whatChanged': 'What changed, for visitors ({{language}})',
  'publish.countsUnset':
    'Set SANITY_STUDIO_SITE_URL to the public site to see how many recorded choices each change asks again.',
  'publish.countsFailed': 'The site’s consent counts could not be read: {{error}}.',
  'publish.countsLoading': 'Counting the choices on record…',
  'publish.countsNone': 'No choice is on record yet: nobody is asked again.',
  'publish.countsShare':
    '{{share}}% of the choices in force would be asked again about it ({{accepted}} of {{choices}} accepted it; refusals stand six months).',
  'publish.summaryRequired':
    'Write what changed, in {{language}} at least: visitors read it in the version history.',
  'publish.nothing':
    'Nothing to publish: the policy and catalog are the same as the latest version.',
  'publish.unchanged':
    'Nothing to publish: the policy text and the catalog are the same as version {{version}}. Edit them first.',
  'publish.done': 'Version {{version}} published, in force from {{date}}.',
  'publish.failed': 'Publishing failed: {{error}}',
  'publish.button': 'Publish version {{version}}',
  'publishError.noCategory':
    'There is no category "{{category}}" that visitors may refuse in this version: {{categories}}.',
  'publishError.notAChange': '"{{change}}" is not a change of consent: {{changes}}.',
  'publishError.reasonRequired':
    'Category "{{category}}": the differences suggest "{{suggested}}", not "{{change}}". Give the reason for the change you chose.',
  'publishError.badDate': 'The effective date "{{date}}" is not a date written YYYY-MM-DD.',
  'publishError.dateBefore':
    "The effective date {{date}} is before version {{version}}'s ({{previous}}): a new version cannot take effect before the one it replaces.",

  // The differences a version would publish
  'changes.first': 'This is the first version of this policy: everything in it will be published.',
  'changes.translationOnly': 'In the {{language}} translation only',
  'changes.visible':
    'Visitors will see these differences on the version’s page of the public site.',
  'changes.cookiesAdded': 'Cookies added',
  'changes.cookiesRemoved': 'Cookies removed',
  'changes.cookiesChanged': 'Cookies changed',
  'changes.categoriesAdded': 'Categories added',
  'changes.categoriesRemoved': 'Categories removed',
  'changes.categoriesRenamed': 'Categories renamed',
  'changes.categoriesChanged': 'Categories changed',
  'changes.textChanged': 'Text changed',
  'changes.title': 'Title: {{before}} → {{after}}',
  'changes.sectionAdded': '{{section}} (added)',
  'changes.sectionRemoved': '{{section}} (removed)',

  // A version's evidence
  'evidence.error': 'The evidence could not be read: {{error}}',
  'evidence.none':
    'No scan of the sites has been checked against version {{version}} yet. Run `npm run monitor` (or `npm run scan-cookies -- … --to-studio`) to record one.',
  'evidence.scanned': 'Scanned {{date}} UTC · pages: {{urls}}',
  'evidence.yes': 'yes',
  'evidence.no': 'no',
  'evidence.notChecked': 'not checked',
  'evidence.failed': 'What failed ({{count}})',
  'evidence.nothingFailed': 'Nothing failed.',
} as const

/** A word of the Studio's. */
export type StudioKey = keyof typeof en
export type StudioWords = Record<StudioKey, string>
/** What fills a word's placeholders; `{ lang }` is a language, named in the reader's language. */
export type StudioValues = Readonly<Record<string, string | number | { lang: string }>>

const fr: StudioWords = {
  'type.policy': 'Politique',
  'type.policyVersion': 'Version de la politique',
  'type.cookieCategory': 'Catégorie de cookies',
  'type.cookie': 'Cookie',
  'type.provider': 'Fournisseur',
  'type.scanReport': 'Rapport d’analyse',
  'type.localeString': 'Texte multilingue (une ligne)',
  'type.localeText': 'Texte multilingue (paragraphe)',
  'type.localeBlockContent': 'Texte enrichi multilingue',
  'type.blockContent': 'Texte enrichi',
  'type.retention': 'Durée de conservation',
  'type.policySection': 'Section',
  'type.catalogSnapshot': 'Catalogue tel que publié',
  'type.snapshotCategory': 'Catégorie (telle que publiée)',
  'type.snapshotCookie': 'Cookie (tel que publié)',
  'type.snapshotProvider': 'Fournisseur (tel que publié)',
  'type.consentChange': 'Changement du consentement',
  'type.scanFinding': 'Constat',

  'localized.language.help':
    'Le texte en {{language}}. Obligatoire dans la langue qui fait foi pour la politique ; dans une autre langue, laissez-le vide pour afficher le texte qui fait foi, avec une mention.',

  'cookie.name': 'Nom ou domaine',
  'cookie.name.help':
    'Tel qu’il figure dans la politique : un nom de cookie (im_lang), un modèle avec * (_ga_*), un domaine commençant par un point (.stripe.com), ou plusieurs noms séparés par " / ".',
  'cookie.names': 'Tous les noms',
  'cookie.names.help':
    'Les noms que couvre la ligne, remplis à partir du nom ci-dessus lorsqu’il en cite plusieurs.',
  'cookie.category': 'Catégorie',
  'cookie.category.help':
    'La finalité du cookie ; les visiteurs acceptent ou refusent des catégories.',
  'cookie.provider': 'Fournisseur',
  'cookie.provider.help': 'La société qui dépose le cookie.',
  'cookie.type': 'Type',
  'cookie.type.help':
    'Le libellé court de la colonne « Type » (« Fonctionnement », « Analytique »).',
  'cookie.purpose': 'Finalité',
  'cookie.purpose.help': 'À quoi sert le cookie, en des termes qu’un visiteur comprend.',
  'cookie.retention': 'Durée de conservation',
  'cookie.retention.help':
    'Combien de temps le cookie reste sur le terminal du visiteur. CNIL : 13 mois au plus pour un traceur soumis au consentement.',
  'cookie.moreInfoUrl': 'En savoir plus',
  'cookie.moreInfoUrl.help':
    'Une page qui en dit plus sur le cookie (la politique du fournisseur). Obligatoire lorsque la durée de conservation n’est pas connue.',
  'cookie.scan': 'Trouvé par une analyse',
  'cookie.scan.help':
    'L’analyse des sites a trouvé ce cookie, non déclaré, et en a préparé un brouillon d’après la suggestion de l’Open Cookie Database : vérifiez chaque champ avant de le publier.',
  'cookie.scan.report': 'Rapport d’analyse',
  'cookie.scan.seenOn': 'Vu pour la première fois sur',
  'cookie.scan.phase': 'Phase',
  'cookie.scan.suggestedBy': 'Suggéré par',
  'cookie.order': 'Ordre',
  'cookie.order.help': 'La place du cookie dans le tableau de sa catégorie (1 en premier).',

  'cookieCategory.policy': 'Politique',
  'cookieCategory.policy.help': 'La politique dont le catalogue contient cette catégorie.',
  'cookieCategory.title': 'Titre',
  'cookieCategory.title.help':
    'Le titre que lisent les visiteurs, par exemple « Cookies d’analyse et de statistiques d’audience ».',
  'cookieCategory.key': 'Clé',
  'cookieCategory.key.help':
    'Un identifiant court et stable utilisé par le bandeau (« necessary », « analytics »). La changer redemande son choix à chaque visiteur.',
  'cookieCategory.description': 'Description',
  'cookieCategory.description.help':
    'Ce que font ces cookies pour le visiteur, affiché avant tout choix (CNIL : chaque finalité doit être décrite).',
  'cookieCategory.required': 'Strictement nécessaires',
  'cookieCategory.required.help':
    'Activé : les visiteurs ne peuvent pas refuser ces cookies. Seulement pour ce sans quoi le service ne peut pas fonctionner (article 5, paragraphe 3, de la directive ePrivacy).',
  'cookieCategory.order': 'Ordre',
  'cookieCategory.order.help':
    'La place de la catégorie dans la politique et dans le bandeau (1 en premier).',
  'cookieCategory.consentModes': 'Signaux du Consent Mode de Google',
  'cookieCategory.consentModes.help':
    'Les signaux du Consent Mode v2 accordés quand un visiteur accepte cette catégorie.',

  'policy.title': 'Titre',
  'policy.title.help': 'Le titre de la politique, tel que les visiteurs le lisent.',
  'policy.slug': 'Adresse',
  'policy.slug.help':
    'La dernière partie de l’adresse web de la politique, par exemple « cookies » pour /fr/cookies.',
  'policy.bindingLanguage': 'Langue qui fait foi',
  'policy.bindingLanguage.help':
    'La langue dont le texte a valeur juridique. Son texte est obligatoire partout ; les autres langues sont des traductions, signalées par une mention là où elles manquent.',
  'policy.timeZone': 'Fuseau horaire',
  'policy.timeZone.help':
    'Une version entre en vigueur à minuit dans ce fuseau horaire, le jour de sa date d’effet (par exemple Europe/Paris, Europe/London).',
  'policy.isDefault': 'Politique par défaut',
  'policy.isDefault.help':
    'Activé : la page d’accueil du site, le bandeau et le catalogue sans paramètre de politique utilisent celle-ci. Nécessaire seulement s’il y a plusieurs politiques.',
  'policy.publisher': 'Éditeur du site',
  'policy.publisher.help':
    'La société responsable du site et de cette politique (le responsable de traitement).',
  'policy.siteUrl': 'Site',
  'policy.siteUrl.help': 'Le site que couvre cette politique.',
  'policy.intro': 'Introduction',
  'policy.intro.help':
    'Les paragraphes avant la première section numérotée. Modifiez-les ici, puis publiez une nouvelle version.',
  'policy.sections': 'Sections',
  'policy.sections.help':
    'Les sections numérotées du texte de la politique. Modifiez-les ici, puis publiez une nouvelle version.',

  'policyVersion.policy': 'Politique',
  'policyVersion.policy.help': 'La politique à laquelle appartient cette version.',
  'policyVersion.version': 'Version',
  'policyVersion.version.help':
    'Le numéro de version : 1 pour la première, puis un de plus à chaque nouvelle version.',
  'policyVersion.effectiveFrom': 'En vigueur à partir du',
  'policyVersion.effectiveFrom.help':
    'Le jour où la version entre en vigueur, à minuit dans le fuseau horaire de la politique. Une date ultérieure la programme : elle apparaît « à venir » jusque-là.',
  'policyVersion.changeSummary': 'Modifications',
  'policyVersion.changeSummary.help':
    'Un court résumé des modifications pour les visiteurs, affiché dans l’historique des versions.',
  'policyVersion.requiresNewConsent': 'Nouveau consentement demandé',
  'policyVersion.requiresNewConsent.help':
    'Activé lorsque le consentement d’une catégorie a changé de façon substantielle (voir « Consentement, catégorie par catégorie ») : les bandeaux qui ne connaissent qu’une révision pour toute la politique redemandent son choix à chaque visiteur.',
  'policyVersion.consentChanges': 'Consentement, catégorie par catégorie',
  'policyVersion.consentChanges.help':
    'Pour chaque catégorie qu’un visiteur peut refuser : si cette version change ce à quoi les visiteurs ont consenti. Le bandeau ne redemande le consentement que pour les catégories modifiées de façon substantielle, avec la ligne « ce qui a changé ».',
  'policyVersion.title': 'Titre',
  'policyVersion.title.help': 'Le titre de la politique tel que publié dans cette version.',
  'policyVersion.intro': 'Introduction',
  'policyVersion.intro.help': 'L’introduction telle que publiée dans cette version.',
  'policyVersion.sections': 'Sections',
  'policyVersion.sections.help': 'Le texte tel que publié dans cette version.',
  'policyVersion.snapshot': 'Catalogue tel que publié',
  'policyVersion.snapshot.help':
    'Le catalogue des cookies figé à la publication de cette version. L’historique montre ce qui a réellement été dit aux visiteurs.',
  'policyVersion.contentHash': 'Empreinte du contenu',
  'policyVersion.contentHash.help':
    'Empreinte SHA-256 de ce que dit cette version, calculée à sa publication. Le site refuse d’afficher une version dont le contenu ne lui correspond plus.',
  'consentChange.category': 'Catégorie',
  'consentChange.change': 'Changement',
  'consentChange.suggested': 'Suggéré d’après les différences',
  'consentChange.reason': 'Pourquoi la rédaction a fait un autre choix',
  'consentChange.whatChanged': 'Ce qui a changé, pour les visiteurs',

  'provider.name': 'Nom',
  'provider.name.help':
    'Le nom de la société tel que les visiteurs le connaissent, par exemple « Stripe ».',
  'provider.privacyPolicyUrl': 'Politique de confidentialité',
  'provider.privacyPolicyUrl.help':
    'La politique de confidentialité ou de cookies du fournisseur lui-même (https).',
  'provider.country': 'Pays',
  'provider.country.help':
    'Code à deux lettres du pays où le fournisseur est établi (FR, US…) : les transferts hors de l’UE doivent être indiqués.',

  'scanReport.policy': 'Politique',
  'scanReport.version': 'Version en vigueur',
  'scanReport.version.help': 'La version de la politique à laquelle les sites ont été comparés.',
  'scanReport.scannedAt': 'Analysé le',
  'scanReport.urls': 'Pages analysées',
  'scanReport.phases': 'Phases',
  'scanReport.phases.help':
    'before (aucun choix), reject (refus), accept (acceptation), only:<catégorie>, withdraw (retrait du consentement), gpc (Global Privacy Control)',
  'scanReport.rejectHonoured': 'Refus respecté',
  'scanReport.gpcHonoured': 'GPC respecté',
  'scanReport.withdrawalHonoured': 'Retrait du consentement respecté',
  'scanReport.nothingUndeclared': 'Rien de non déclaré',
  'scanReport.findings': 'À corriger',
  'scanFinding.kind': 'Nature',
  'scanFinding.name': 'Cookie, clé ou hôte',
  'scanFinding.domain': 'Domaine',
  'scanFinding.phase': 'Phase',
  'scanFinding.reason': 'À corriger',

  'snapshotProvider.name': 'Nom',
  'snapshotProvider.name.help': 'La société qui dépose le cookie.',
  'snapshotProvider.privacyPolicyUrl': 'Politique de confidentialité',
  'snapshotProvider.privacyPolicyUrl.help': 'La politique de confidentialité du fournisseur.',
  'snapshotProvider.country': 'Pays',
  'snapshotProvider.country.help': 'Le pays où le fournisseur est établi.',
  'snapshotCookie.cookieId': 'Entrée du catalogue',
  'snapshotCookie.cookieId.help': 'L’identifiant de l’entrée du catalogue copiée dans cette ligne.',
  'snapshotCookie.name': 'Nom ou domaine',
  'snapshotCookie.name.help': 'Tel qu’il figure dans la politique.',
  'snapshotCookie.names': 'Noms',
  'snapshotCookie.names.help': 'Tous les noms que couvre la ligne.',
  'snapshotCookie.kind': 'Nature',
  'snapshotCookie.kind.help': 'name (nom), pattern (modèle) ou domain (domaine).',
  'snapshotCookie.provider': 'Fournisseur',
  'snapshotCookie.provider.help': 'Qui dépose le cookie.',
  'snapshotCookie.type': 'Type',
  'snapshotCookie.type.help': 'Le libellé du type imprimé dans la politique.',
  'snapshotCookie.purpose': 'Finalité',
  'snapshotCookie.purpose.help': 'À quoi sert le cookie.',
  'snapshotCookie.retention': 'Durée de conservation',
  'snapshotCookie.retention.help': 'Combien de temps vit le cookie.',
  'snapshotCookie.moreInfoUrl': 'En savoir plus',
  'snapshotCookie.moreInfoUrl.help': 'Où en apprendre davantage.',
  'snapshotCategory.key': 'Clé',
  'snapshotCategory.key.help': 'La clé stable de la catégorie.',
  'snapshotCategory.title': 'Titre',
  'snapshotCategory.title.help': 'Tel qu’il figure dans la politique.',
  'snapshotCategory.description': 'Description',
  'snapshotCategory.description.help': 'Telle qu’elle figure dans la politique.',
  'snapshotCategory.required': 'Strictement nécessaires',
  'snapshotCategory.required.help': 'Si les visiteurs pouvaient la refuser.',
  'snapshotCategory.consentModes': 'Signaux du Consent Mode',
  'snapshotCategory.consentModes.help':
    'Les signaux du Consent Mode v2 de Google que commandait la catégorie.',
  'snapshotCategory.cookies': 'Cookies',
  'snapshotCategory.cookies.help': 'Les cookies de la catégorie, dans l’ordre publié.',
  'catalogSnapshot.categories': 'Catégories',
  'catalogSnapshot.categories.help':
    'Les catégories et les cookies exactement tels que cette version les a publiés.',

  'policySection.number': 'Numéro',
  'policySection.number.help':
    'Le numéro de la section tel qu’imprimé : « 1 » pour une section, « 2.1 » pour une sous-section.',
  'policySection.heading': 'Titre',
  'policySection.heading.help': 'Le titre de la section, sans son numéro.',
  'policySection.body': 'Texte',
  'policySection.body.help': 'Les paragraphes de la section.',
  'policySection.categoryKey': 'Catégorie de cookies affichée ici',
  'policySection.categoryKey.help':
    'La clé de la catégorie de cookies dont le tableau figure à la fin de cette section (par exemple « necessary »). Laissez vide pour du texte seul.',
  'retention.kind': 'Nature',
  'retention.kind.help':
    'Session : supprimé à la fermeture du navigateur. Durée : conservé pendant un temps fixé. Inconnue : le fournisseur ne la communique pas ; donnez un lien « En savoir plus » sur le cookie.',
  'retention.kind.session': 'Session',
  'retention.kind.duration': 'Durée',
  'retention.kind.unknown': 'Inconnue',
  'retention.amount': 'Quantité',
  'retention.amount.help':
    'Pendant combien d’unités le cookie est conservé, par exemple 13 (mois).',
  'retention.unit': 'Unité',
  'retention.unit.help': 'L’unité de la quantité.',
  'link.href': 'Adresse',
  'link.href.help': 'La destination du lien. Utilisez une adresse https://.',
  'block.paragraph': 'Paragraphe',
  'block.bullets': 'Liste à puces',
  'block.numbered': 'Liste numérotée',
  'block.bold': 'Gras',
  'block.italic': 'Italique',
  'block.link': 'Lien',

  'ordering.policyOrder': 'Ordre de la politique',
  'ordering.newestFirst': 'Les plus récents d’abord',
  'template.cookieInCategory': 'Cookie dans cette catégorie',

  'valid.cookieNameRequired':
    'Indiquez le nom du cookie (ou un modèle comme _ga_*, ou un domaine comme .stripe.com).',
  'valid.https': 'Utilisez une adresse https://.',
  'valid.key':
    'Une clé est faite de minuscules, de chiffres, de « - » ou de « _ », et commence par une lettre.',
  'valid.timeZone':
    '« {{value}} » n’est pas un fuseau horaire : écrivez-le sous la forme Europe/Paris.',
  'valid.country': 'Utilisez un code de pays à deux lettres, comme FR ou US.',
  'valid.sectionNumber': 'Écrivez le numéro sous la forme « 1 » ou « 2.1 ».',
  'valid.amountMissing': 'Indiquez pendant combien d’unités le cookie est conservé.',
  'valid.amountWhole': 'La quantité doit être un nombre entier d’au moins 1.',
  'valid.unitMissing': 'Choisissez l’unité (jours, mois…).',
  'rule.notDomain': '« {{name}} » n’est pas un domaine : écrivez-le sous la forme .stripe.com.',
  'rule.notCookieName':
    '« {{name}} » ne peut pas être un nom de cookie : ni espaces, ni virgules, ni points-virgules, ni guillemets. Séparez plusieurs noms par " / ".',
  'rule.matchesEverything':
    '« {{name}} » désignerait tous les cookies : gardez la partie fixe du nom, comme dans _ga_*.',
  'rule.retentionOrLink':
    'Indiquez une durée de conservation, ou un lien « En savoir plus » vers la page où le fournisseur indique combien de temps vit le cookie.',
  'rule.thirteenMonths':
    'CNIL : un traceur soumis au consentement a une durée de vie de 13 mois au plus ; le consentement est ensuite redemandé. Raccourcissez la durée de conservation, ou placez le cookie dans une catégorie strictement nécessaire s’il l’est vraiment.',
  'rule.consentCookieSixMonths':
    'CNIL : le choix du visiteur ({{name}}) devrait être conservé environ 6 mois, puis redemandé. Le bandeau le conserve 182 jours ; envisagez de déclarer 6 mois.',
  'rule.trackerEssential':
    'CEPD : ne qualifiez pas les traceurs d’« essentiels ». Un cookie de type « {{type}} » dans une catégorie strictement nécessaire ne peut pas être refusé par les visiteurs ; placez-le dans une catégorie soumise au consentement, sauf s’il en est exempté.',
  'rule.effectiveDateBefore':
    'Cette date est antérieure à celle de la version {{version}} ({{date}}) : une version ne peut pas entrer en vigueur avant celle qu’elle remplace.',
  'rule.nameTaken':
    'Le catalogue contient déjà {{name}} : un nom n’apparaît qu’une fois par politique.',
  'rule.defaultTaken':
    'La politique « {{slug}} » est déjà la politique par défaut : une seule peut l’être.',
  'rule.bindingRequired':
    'Le texte en {{language}} est obligatoire : c’est la langue qui fait foi pour cette politique.',
  'rule.translationMissing':
    'La traduction en {{language}} manque : les visiteurs qui lisent en {{language}} verront le texte en {{binding}}, la langue qui fait foi, avec une mention.',

  'preview.unnamedCookie': 'Cookie sans nom',
  'preview.noCategory': 'Sans catégorie',
  'preview.retentionUnknown': 'durée inconnue',
  'preview.kind.pattern': 'modèle',
  'preview.kind.domain': 'domaine',
  'preview.strictlyNecessary': 'strictement nécessaires',
  'preview.untitledCategory': 'Catégorie sans titre',
  'preview.untitledPolicy': 'Politique sans titre',
  'preview.untitledSection': 'Section sans titre',
  'preview.unnamedProvider': 'Fournisseur sans nom',
  'preview.noAddress': 'pas encore d’adresse',
  'preview.version': 'Version {{version}} · {{title}}',
  'preview.upcoming': 'à venir, à partir du {{date}}',
  'preview.effective': 'entrée en vigueur le {{date}}',
  'preview.asksAgain': 'redemande le consentement',
  'preview.suggested': 'suggéré : {{change}}',
  'preview.scan': 'Analyse du {{date}} · version {{version}}',
  'preview.rejectHonoured': 'refus respecté',
  'preview.rejectNotHonoured': 'refus NON respecté',
  'preview.gpcHonoured': 'GPC respecté',
  'preview.gpcNotHonoured': 'GPC NON respecté',
  'preview.nothingUndeclared': 'rien de non déclaré',
  'preview.undeclared': 'cookies non déclarés',

  'structure.tool': 'Structure',
  'structure.title': 'Politique relative aux cookies',
  'structure.policies': 'Politiques',
  'structure.policy': 'Politique',
  'structure.textAndSettings': 'Texte et réglages (modifier, puis publier une version)',
  'structure.versions': 'Versions publiées, les plus récentes d’abord',
  'structure.versionList': 'Versions',
  'structure.catalog': 'Catalogue des cookies',
  'structure.categories': 'Catégories',
  'structure.cookiesByCategory': 'Cookies par catégorie',
  'structure.cookies': 'Cookies',
  'structure.allCookies': 'Tous les cookies',
  'structure.providers': 'Fournisseurs',
  'structure.scanFindings': 'Constats des analyses',
  'structure.scanFindingsList': 'Constats des analyses : cookies non déclarés, en brouillon',
  'structure.scanReports': 'Rapports d’analyse',
  'structure.evidence': 'Éléments de preuve',

  'publish.action': 'Publier une nouvelle version',
  'publish.needsPublishedPolicy': 'Publiez d’abord le document de la politique.',
  'publish.needsNoDraft': 'Publiez ou annulez d’abord les modifications en cours de la politique.',
  'publish.noPolicy': 'Il n’y a pas encore de politique publiée « {{slug}} ».',
  'publish.intro':
    'La version {{version}} sera créée à partir du texte de la politique et du catalogue tels qu’ils sont publiés maintenant. Elle ne pourra plus être modifiée : une erreur se corrige en publiant une autre version.',
  'publish.effectiveFrom': 'Date d’entrée en vigueur (fuseau {{timeZone}})',
  'publish.effectiveFrom.help':
    'Une date ultérieure programme la version : elle est indiquée « à venir » et entre en vigueur à minuit ce jour-là.',
  'publish.summary': 'Modifications ({{language}})',
  'publish.summaryBinding': 'Modifications ({{language}}, langue qui fait foi)',
  'publish.consentIntro':
    'Le consentement des visiteurs n’est redemandé que pour les catégories modifiées de façon substantielle, avec la ligne « ce qui a changé » ; leurs autres choix sont conservés. Un refus n’est pas redemandé avant six mois.',
  'publish.change.none': 'Aucun changement',
  'publish.change.editorial': 'Rédactionnel : n’étend rien de ce à quoi un visiteur a consenti',
  'publish.change.material':
    'Substantiel : le consentement des visiteurs qui ont accepté est redemandé',
  'publish.changeShort.none': 'Aucun changement',
  'publish.changeShort.editorial': 'Rédactionnel',
  'publish.changeShort.material': 'Substantiel',
  'publish.suggested': 'Suggéré d’après les différences : {{change}}',
  'publish.suggestedWhy': 'Suggéré d’après les différences : {{change}} ({{why}})',
  'publish.reason': 'Motif (obligatoire : conservé avec la version)',
  'publish.whatChanged': 'Ce qui a changé, pour les visiteurs ({{language}})',
  'publish.countsUnset':
    'Renseignez SANITY_STUDIO_SITE_URL avec l’adresse du site public pour voir combien de choix enregistrés chaque changement redemande.',
  'publish.countsFailed':
    'Les décomptes de consentement du site n’ont pas pu être lus : {{error}}.',
  'publish.countsLoading': 'Décompte des choix enregistrés…',
  'publish.countsNone': 'Aucun choix n’est encore enregistré : personne n’est sollicité à nouveau.',
  'publish.countsShare':
    '{{share}} % des choix en vigueur seraient redemandés pour cette catégorie ({{accepted}} sur {{choices}} l’ont acceptée ; les refus valent six mois).',
  'publish.summaryRequired':
    'Décrivez les modifications, au moins en {{language}} : les visiteurs les lisent dans l’historique des versions.',
  'publish.nothing':
    'Rien à publier : la politique et le catalogue sont identiques à la dernière version.',
  'publish.unchanged':
    'Rien à publier : le texte de la politique et le catalogue sont identiques à la version {{version}}. Modifiez-les d’abord.',
  'publish.done': 'Version {{version}} publiée, en vigueur à partir du {{date}}.',
  'publish.failed': 'La publication a échoué : {{error}}',
  'publish.button': 'Publier la version {{version}}',
  'publishError.noCategory':
    'Cette version ne comporte aucune catégorie « {{category}} » que les visiteurs peuvent refuser : {{categories}}.',
  'publishError.notAChange':
    '« {{change}} » n’est pas un changement du consentement : {{changes}}.',
  'publishError.reasonRequired':
    'Catégorie « {{category}} » : les différences suggèrent « {{suggested}} », non « {{change}} ». Indiquez pourquoi vous avez fait ce choix.',
  'publishError.badDate': 'La date d’effet « {{date}} » n’est pas une date au format AAAA-MM-JJ.',
  'publishError.dateBefore':
    'La date d’effet {{date}} est antérieure à celle de la version {{version}} ({{previous}}) : une nouvelle version ne peut pas entrer en vigueur avant celle qu’elle remplace.',

  'changes.first': 'C’est la première version de cette politique : tout son contenu sera publié.',
  'changes.translationOnly': 'Dans la traduction en {{language}} seulement',
  'changes.visible':
    'Les visiteurs verront ces différences sur la page de la version, sur le site public.',
  'changes.cookiesAdded': 'Cookies ajoutés',
  'changes.cookiesRemoved': 'Cookies retirés',
  'changes.cookiesChanged': 'Cookies modifiés',
  'changes.categoriesAdded': 'Catégories ajoutées',
  'changes.categoriesRemoved': 'Catégories retirées',
  'changes.categoriesRenamed': 'Catégories renommées',
  'changes.categoriesChanged': 'Catégories modifiées',
  'changes.textChanged': 'Texte modifié',
  'changes.title': 'Titre : {{before}} → {{after}}',
  'changes.sectionAdded': '{{section}} (ajoutée)',
  'changes.sectionRemoved': '{{section}} (retirée)',

  'evidence.error': 'Les preuves n’ont pas pu être lues : {{error}}',
  'evidence.none':
    'Aucune analyse des sites n’a encore été comparée à la version {{version}}. Lancez `npm run monitor` (ou `npm run scan-cookies -- … --to-studio`) pour en enregistrer une.',
  'evidence.scanned': 'Analysé le {{date}} UTC · pages : {{urls}}',
  'evidence.yes': 'oui',
  'evidence.no': 'non',
  'evidence.notChecked': 'non vérifié',
  'evidence.failed': 'Ce qui a échoué ({{count}})',
  'evidence.nothingFailed': 'Rien n’a échoué.',
}

const de: StudioWords = {
  'type.policy': 'Richtlinie',
  'type.policyVersion': 'Fassung der Richtlinie',
  'type.cookieCategory': 'Cookie-Kategorie',
  'type.cookie': 'Cookie',
  'type.provider': 'Anbieter',
  'type.scanReport': 'Scan-Bericht',
  'type.localeString': 'Mehrsprachiger Text (eine Zeile)',
  'type.localeText': 'Mehrsprachiger Text (Absatz)',
  'type.localeBlockContent': 'Mehrsprachiger formatierter Text',
  'type.blockContent': 'Formatierter Text',
  'type.retention': 'Speicherdauer',
  'type.policySection': 'Abschnitt',
  'type.catalogSnapshot': 'Katalog wie veröffentlicht',
  'type.snapshotCategory': 'Kategorie (wie veröffentlicht)',
  'type.snapshotCookie': 'Cookie (wie veröffentlicht)',
  'type.snapshotProvider': 'Anbieter (wie veröffentlicht)',
  'type.consentChange': 'Änderung der Einwilligung',
  'type.scanFinding': 'Befund',

  'localized.language.help':
    'Der Text auf {{language}}. In der maßgeblichen Sprache der Richtlinie erforderlich; in einer anderen Sprache leer lassen, um den maßgeblichen Text mit einem Hinweis anzuzeigen.',

  'cookie.name': 'Name oder Domain',
  'cookie.name.help':
    'Wie in der Richtlinie abgedruckt: ein Cookie-Name (im_lang), ein Muster mit * (_ga_*), eine Domain mit führendem Punkt (.stripe.com) oder mehrere Namen, getrennt durch " / ".',
  'cookie.names': 'Alle Namen',
  'cookie.names.help':
    'Die einzelnen Namen, die die Zeile umfasst; aus dem Namen oben übernommen, wenn er mehrere nennt.',
  'cookie.category': 'Kategorie',
  'cookie.category.help':
    'Der Zweck, dem das Cookie dient; Besucher akzeptieren oder lehnen Kategorien ab.',
  'cookie.provider': 'Anbieter',
  'cookie.provider.help': 'Das Unternehmen, das das Cookie setzt.',
  'cookie.type': 'Typ',
  'cookie.type.help': 'Die kurze Bezeichnung in der Spalte „Typ“ („Fonctionnement“, „Analytique“).',
  'cookie.purpose': 'Zweck',
  'cookie.purpose.help': 'Wofür das Cookie verwendet wird, in Worten, die Besucher verstehen.',
  'cookie.retention': 'Speicherdauer',
  'cookie.retention.help':
    'Wie lange das Cookie in der Endeinrichtung des Besuchers gespeichert bleibt. CNIL: höchstens 13 Monate für ein einwilligungsbedürftiges Cookie.',
  'cookie.moreInfoUrl': 'Weitere Informationen',
  'cookie.moreInfoUrl.help':
    'Eine Seite mit mehr Informationen zum Cookie (die Richtlinie des Anbieters). Erforderlich, wenn die Speicherdauer unbekannt ist.',
  'cookie.scan': 'Von einem Scan gefunden',
  'cookie.scan.help':
    'Der Scan der Websites hat dieses Cookie undeklariert gefunden; der Entwurf folgt dem Vorschlag der Open Cookie Database: Prüfen Sie jedes Feld vor der Veröffentlichung.',
  'cookie.scan.report': 'Scan-Bericht',
  'cookie.scan.seenOn': 'Zuerst gesehen auf',
  'cookie.scan.phase': 'Phase',
  'cookie.scan.suggestedBy': 'Vorgeschlagen von',
  'cookie.order': 'Reihenfolge',
  'cookie.order.help': 'Die Stelle des Cookies in der Tabelle seiner Kategorie (1 zuerst).',

  'cookieCategory.policy': 'Richtlinie',
  'cookieCategory.policy.help': 'Die Richtlinie, zu deren Katalog diese Kategorie gehört.',
  'cookieCategory.title': 'Titel',
  'cookieCategory.title.help':
    'Die Überschrift, die Besucher lesen, zum Beispiel „Cookies d’analyse et de statistiques d’audience“.',
  'cookieCategory.key': 'Schlüssel',
  'cookieCategory.key.help':
    'Eine kurze, feste Kennung für das Banner („necessary“, „analytics“). Eine Änderung fragt alle Besucher erneut.',
  'cookieCategory.description': 'Beschreibung',
  'cookieCategory.description.help':
    'Was diese Cookies für den Besucher tun, angezeigt vor jeder Auswahl (CNIL: Jeder Zweck braucht eine Beschreibung).',
  'cookieCategory.required': 'Unbedingt erforderlich',
  'cookieCategory.required.help':
    'Aktiviert: Besucher können diese Cookies nicht ablehnen. Nur für das, ohne das der Dienst nicht funktioniert (Art. 5 Abs. 3 ePrivacy-Richtlinie).',
  'cookieCategory.order': 'Reihenfolge',
  'cookieCategory.order.help':
    'Die Stelle der Kategorie in der Richtlinie und im Banner (1 zuerst).',
  'cookieCategory.consentModes': 'Signale des Google Consent Mode',
  'cookieCategory.consentModes.help':
    'Die Signale des Consent Mode v2, die gewährt werden, wenn ein Besucher diese Kategorie akzeptiert.',

  'policy.title': 'Titel',
  'policy.title.help': 'Der Titel der Richtlinie, wie Besucher ihn lesen.',
  'policy.slug': 'Adresse',
  'policy.slug.help':
    'Der letzte Teil der Webadresse der Richtlinie, zum Beispiel „cookies“ für /fr/cookies.',
  'policy.bindingLanguage': 'Maßgebliche Sprache',
  'policy.bindingLanguage.help':
    'Die Sprache, deren Text rechtlich verbindlich ist. Ihr Text ist überall erforderlich; die anderen Sprachen sind Übersetzungen, mit einem Hinweis, wo sie fehlen.',
  'policy.timeZone': 'Zeitzone',
  'policy.timeZone.help':
    'Eine Fassung tritt an ihrem Datum des Inkrafttretens um Mitternacht in dieser Zeitzone in Kraft (zum Beispiel Europe/Berlin, Europe/Paris).',
  'policy.isDefault': 'Standardrichtlinie',
  'policy.isDefault.help':
    'Aktiviert: Die Startseite der Website, das Banner und der Katalog ohne Richtlinienparameter verwenden diese Richtlinie. Nur nötig, wenn es mehr als eine Richtlinie gibt.',
  'policy.publisher': 'Herausgeber',
  'policy.publisher.help':
    'Das für die Website und diese Richtlinie verantwortliche Unternehmen (der Verantwortliche).',
  'policy.siteUrl': 'Website',
  'policy.siteUrl.help': 'Die Website, für die diese Richtlinie gilt.',
  'policy.intro': 'Einleitung',
  'policy.intro.help':
    'Die Absätze vor dem ersten nummerierten Abschnitt. Hier bearbeiten, dann eine neue Fassung veröffentlichen.',
  'policy.sections': 'Abschnitte',
  'policy.sections.help':
    'Die nummerierten Abschnitte des Richtlinientexts. Hier bearbeiten, dann eine neue Fassung veröffentlichen.',

  'policyVersion.policy': 'Richtlinie',
  'policyVersion.policy.help': 'Die Richtlinie, zu der diese Fassung gehört.',
  'policyVersion.version': 'Fassung',
  'policyVersion.version.help':
    'Die Nummer der Fassung: 1 für die erste, dann jeweils eine mehr für jede neue Fassung.',
  'policyVersion.effectiveFrom': 'Gültig ab',
  'policyVersion.effectiveFrom.help':
    'Der Tag, an dem die Fassung in Kraft tritt, um Mitternacht in der Zeitzone der Richtlinie. Ein späteres Datum plant sie ein: Bis dahin erscheint sie als bevorstehend.',
  'policyVersion.changeSummary': 'Änderungen',
  'policyVersion.changeSummary.help':
    'Eine kurze Zusammenfassung der Änderungen für Besucher, angezeigt im Versionsverlauf.',
  'policyVersion.requiresNewConsent': 'Neue Einwilligung erforderlich',
  'policyVersion.requiresNewConsent.help':
    'Aktiviert, wenn sich die Einwilligung einer Kategorie wesentlich geändert hat (siehe „Einwilligung, Kategorie für Kategorie“): Banner, die nur eine Revision für die ganze Richtlinie kennen, fragen alle Besucher erneut.',
  'policyVersion.consentChanges': 'Einwilligung, Kategorie für Kategorie',
  'policyVersion.consentChanges.help':
    'Für jede Kategorie, die ein Besucher ablehnen kann: ob diese Fassung ändert, worin Besucher eingewilligt haben. Das Banner fragt nur zu den wesentlich geänderten Kategorien erneut, mit der Zeile „Was sich geändert hat“.',
  'policyVersion.title': 'Titel',
  'policyVersion.title.help': 'Der Titel der Richtlinie, wie in dieser Fassung veröffentlicht.',
  'policyVersion.intro': 'Einleitung',
  'policyVersion.intro.help': 'Die Einleitung, wie in dieser Fassung veröffentlicht.',
  'policyVersion.sections': 'Abschnitte',
  'policyVersion.sections.help': 'Der Text, wie in dieser Fassung veröffentlicht.',
  'policyVersion.snapshot': 'Katalog wie veröffentlicht',
  'policyVersion.snapshot.help':
    'Der Cookie-Katalog, eingefroren bei der Veröffentlichung dieser Fassung. Der Verlauf zeigt, was Besuchern tatsächlich mitgeteilt wurde.',
  'policyVersion.contentHash': 'Inhalts-Hash',
  'policyVersion.contentHash.help':
    'SHA-256 des Inhalts dieser Fassung, berechnet bei ihrer Veröffentlichung. Die Website zeigt keine Fassung an, deren Inhalt nicht mehr dazu passt.',
  'consentChange.category': 'Kategorie',
  'consentChange.change': 'Änderung',
  'consentChange.suggested': 'Aus den Unterschieden vorgeschlagen',
  'consentChange.reason': 'Warum die Redaktion anders entschieden hat',
  'consentChange.whatChanged': 'Was sich geändert hat, für Besucher',

  'provider.name': 'Name',
  'provider.name.help':
    'Der Name des Unternehmens, wie Besucher ihn kennen, zum Beispiel „Stripe“.',
  'provider.privacyPolicyUrl': 'Datenschutzerklärung',
  'provider.privacyPolicyUrl.help':
    'Die eigene Datenschutzerklärung oder Cookie-Richtlinie des Anbieters (https).',
  'provider.country': 'Land',
  'provider.country.help':
    'Zweibuchstabiger Code des Landes, in dem der Anbieter niedergelassen ist (FR, US, …): Übermittlungen in Länder außerhalb der EU müssen angegeben werden.',

  'scanReport.policy': 'Richtlinie',
  'scanReport.version': 'Geltende Fassung',
  'scanReport.version.help': 'Die Fassung der Richtlinie, mit der die Websites verglichen wurden.',
  'scanReport.scannedAt': 'Gescannt am',
  'scanReport.urls': 'Gescannte Seiten',
  'scanReport.phases': 'Phasen',
  'scanReport.phases.help':
    'before (keine Auswahl), reject (Ablehnung), accept (Zustimmung), only:<Kategorie>, withdraw (Widerruf der Einwilligung), gpc (Global Privacy Control)',
  'scanReport.rejectHonoured': 'Ablehnung beachtet',
  'scanReport.gpcHonoured': 'GPC beachtet',
  'scanReport.withdrawalHonoured': 'Widerruf der Einwilligung beachtet',
  'scanReport.nothingUndeclared': 'Nichts Undeklariertes',
  'scanReport.findings': 'Zu beheben',
  'scanFinding.kind': 'Art',
  'scanFinding.name': 'Cookie, Schlüssel oder Host',
  'scanFinding.domain': 'Domain',
  'scanFinding.phase': 'Phase',
  'scanFinding.reason': 'Zu beheben',

  'snapshotProvider.name': 'Name',
  'snapshotProvider.name.help': 'Das Unternehmen, das das Cookie setzt.',
  'snapshotProvider.privacyPolicyUrl': 'Datenschutzerklärung',
  'snapshotProvider.privacyPolicyUrl.help': 'Die Datenschutzerklärung des Anbieters.',
  'snapshotProvider.country': 'Land',
  'snapshotProvider.country.help': 'Wo der Anbieter niedergelassen ist.',
  'snapshotCookie.cookieId': 'Katalogeintrag',
  'snapshotCookie.cookieId.help':
    'Die Kennung des Katalogeintrags, aus dem diese Zeile kopiert wurde.',
  'snapshotCookie.name': 'Name oder Domain',
  'snapshotCookie.name.help': 'Wie in der Richtlinie abgedruckt.',
  'snapshotCookie.names': 'Namen',
  'snapshotCookie.names.help': 'Alle Namen, die die Zeile umfasst.',
  'snapshotCookie.kind': 'Art',
  'snapshotCookie.kind.help': 'name (Name), pattern (Muster) oder domain (Domain).',
  'snapshotCookie.provider': 'Anbieter',
  'snapshotCookie.provider.help': 'Wer das Cookie setzt.',
  'snapshotCookie.type': 'Typ',
  'snapshotCookie.type.help': 'Die in der Richtlinie abgedruckte Typbezeichnung.',
  'snapshotCookie.purpose': 'Zweck',
  'snapshotCookie.purpose.help': 'Wofür das Cookie da ist.',
  'snapshotCookie.retention': 'Speicherdauer',
  'snapshotCookie.retention.help': 'Wie lange das Cookie bestehen bleibt.',
  'snapshotCookie.moreInfoUrl': 'Weitere Informationen',
  'snapshotCookie.moreInfoUrl.help': 'Wo es mehr zu erfahren gibt.',
  'snapshotCategory.key': 'Schlüssel',
  'snapshotCategory.key.help': 'Der feste Schlüssel der Kategorie.',
  'snapshotCategory.title': 'Titel',
  'snapshotCategory.title.help': 'Wie in der Richtlinie abgedruckt.',
  'snapshotCategory.description': 'Beschreibung',
  'snapshotCategory.description.help': 'Wie in der Richtlinie abgedruckt.',
  'snapshotCategory.required': 'Unbedingt erforderlich',
  'snapshotCategory.required.help': 'Ob Besucher sie ablehnen konnten.',
  'snapshotCategory.consentModes': 'Signale des Consent Mode',
  'snapshotCategory.consentModes.help':
    'Die Signale des Google Consent Mode v2, die die Kategorie steuerte.',
  'snapshotCategory.cookies': 'Cookies',
  'snapshotCategory.cookies.help':
    'Die Cookies der Kategorie, in der veröffentlichten Reihenfolge.',
  'catalogSnapshot.categories': 'Kategorien',
  'catalogSnapshot.categories.help':
    'Die Kategorien und Cookies genau so, wie diese Fassung sie veröffentlicht hat.',

  'policySection.number': 'Nummer',
  'policySection.number.help':
    'Die Abschnittsnummer wie abgedruckt: „1“ für einen Abschnitt, „2.1“ für einen Unterabschnitt.',
  'policySection.heading': 'Überschrift',
  'policySection.heading.help': 'Die Überschrift des Abschnitts, ohne ihre Nummer.',
  'policySection.body': 'Text',
  'policySection.body.help': 'Die Absätze des Abschnitts.',
  'policySection.categoryKey': 'Hier gezeigte Cookie-Kategorie',
  'policySection.categoryKey.help':
    'Der Schlüssel der Cookie-Kategorie, deren Tabelle am Ende dieses Abschnitts steht (zum Beispiel „necessary“). Für reinen Text leer lassen.',
  'retention.kind': 'Art',
  'retention.kind.help':
    'Sitzung: gelöscht, wenn der Browser geschlossen wird. Dauer: für eine feste Zeit gespeichert. Unbekannt: Der Anbieter nennt sie nicht; geben Sie beim Cookie einen Link „Weitere Informationen“ an.',
  'retention.kind.session': 'Sitzung',
  'retention.kind.duration': 'Dauer',
  'retention.kind.unknown': 'Unbekannt',
  'retention.amount': 'Anzahl',
  'retention.amount.help':
    'Wie viele Einheiten das Cookie gespeichert wird, zum Beispiel 13 (Monate).',
  'retention.unit': 'Einheit',
  'retention.unit.help': 'Die Einheit der Anzahl.',
  'link.href': 'Adresse',
  'link.href.help': 'Wohin der Link führt. Verwenden Sie eine https://-Adresse.',
  'block.paragraph': 'Absatz',
  'block.bullets': 'Aufzählung',
  'block.numbered': 'Nummerierung',
  'block.bold': 'Fett',
  'block.italic': 'Kursiv',
  'block.link': 'Link',

  'ordering.policyOrder': 'Reihenfolge der Richtlinie',
  'ordering.newestFirst': 'Neueste zuerst',
  'template.cookieInCategory': 'Cookie in dieser Kategorie',

  'valid.cookieNameRequired':
    'Geben Sie den Namen des Cookies an (oder ein Muster wie _ga_* oder eine Domain wie .stripe.com).',
  'valid.https': 'Verwenden Sie eine https://-Adresse.',
  'valid.key':
    'Ein Schlüssel besteht aus Kleinbuchstaben, Ziffern, „-“ oder „_“ und beginnt mit einem Buchstaben.',
  'valid.timeZone': '„{{value}}“ ist keine Zeitzone: Schreiben Sie sie wie Europe/Berlin.',
  'valid.country': 'Verwenden Sie einen zweibuchstabigen Ländercode wie FR oder DE.',
  'valid.sectionNumber': 'Schreiben Sie die Nummer als „1“ oder „2.1“.',
  'valid.amountMissing': 'Geben Sie an, wie viele Einheiten das Cookie gespeichert wird.',
  'valid.amountWhole': 'Die Anzahl muss eine ganze Zahl von mindestens 1 sein.',
  'valid.unitMissing': 'Wählen Sie die Einheit (Tage, Monate, …).',
  'rule.notDomain': '„{{name}}“ ist keine Domain: Schreiben Sie sie wie .stripe.com.',
  'rule.notCookieName':
    '„{{name}}“ kann kein Cookie-Name sein: keine Leerzeichen, Kommas, Semikolons oder Anführungszeichen. Trennen Sie mehrere Namen mit " / ".',
  'rule.matchesEverything':
    '„{{name}}“ würde jedes Cookie erfassen: Behalten Sie den festen Teil des Namens, wie in _ga_*.',
  'rule.retentionOrLink':
    'Geben Sie eine Speicherdauer an oder einen Link „Weitere Informationen“, unter dem der Anbieter nennt, wie lange das Cookie bestehen bleibt.',
  'rule.thirteenMonths':
    'CNIL: Ein einwilligungsbedürftiges Cookie besteht höchstens 13 Monate, danach wird die Einwilligung erneut eingeholt. Verkürzen Sie die Speicherdauer oder ordnen Sie das Cookie einer unbedingt erforderlichen Kategorie zu, wenn es tatsächlich unbedingt erforderlich ist.',
  'rule.consentCookieSixMonths':
    'CNIL: Die Auswahl des Besuchers ({{name}}) sollte etwa 6 Monate gespeichert und dann erneut erfragt werden. Das Banner speichert sie 182 Tage; erwägen Sie, 6 Monate anzugeben.',
  'rule.trackerEssential':
    'EDSA: Bezeichnen Sie Tracker nicht als „essenziell“. Ein Cookie vom Typ „{{type}}“ in einer unbedingt erforderlichen Kategorie kann von Besuchern nicht abgelehnt werden; ordnen Sie es einer einwilligungsbedürftigen Kategorie zu, sofern es nicht von der Einwilligungspflicht ausgenommen ist.',
  'rule.effectiveDateBefore':
    'Dieses Datum liegt vor dem der Fassung {{version}} ({{date}}): Eine Fassung kann nicht vor derjenigen in Kraft treten, die sie ersetzt.',
  'rule.nameTaken':
    'Der Katalog führt {{name}} bereits: Ein Name erscheint nur einmal je Richtlinie.',
  'rule.defaultTaken':
    'Die Richtlinie „{{slug}}“ ist bereits die Standardrichtlinie: Nur eine kann es sein.',
  'rule.bindingRequired':
    'Der Text auf {{language}} ist erforderlich: {{language}} ist die maßgebliche Sprache dieser Richtlinie.',
  'rule.translationMissing':
    'Die Übersetzung auf {{language}} fehlt: Besucher, die auf {{language}} lesen, sehen den Text auf {{binding}}, der maßgeblichen Sprache, mit einem Hinweis.',

  'preview.unnamedCookie': 'Cookie ohne Namen',
  'preview.noCategory': 'Keine Kategorie',
  'preview.retentionUnknown': 'Speicherdauer unbekannt',
  'preview.kind.pattern': 'Muster',
  'preview.kind.domain': 'Domain',
  'preview.strictlyNecessary': 'unbedingt erforderlich',
  'preview.untitledCategory': 'Kategorie ohne Titel',
  'preview.untitledPolicy': 'Richtlinie ohne Titel',
  'preview.untitledSection': 'Abschnitt ohne Titel',
  'preview.unnamedProvider': 'Anbieter ohne Namen',
  'preview.noAddress': 'noch keine Adresse',
  'preview.version': 'Fassung {{version}} · {{title}}',
  'preview.upcoming': 'bevorstehend, ab {{date}}',
  'preview.effective': 'in Kraft getreten am {{date}}',
  'preview.asksAgain': 'holt die Einwilligung erneut ein',
  'preview.suggested': 'vorgeschlagen: {{change}}',
  'preview.scan': 'Scan vom {{date}} · Fassung {{version}}',
  'preview.rejectHonoured': 'Ablehnung beachtet',
  'preview.rejectNotHonoured': 'Ablehnung NICHT beachtet',
  'preview.gpcHonoured': 'GPC beachtet',
  'preview.gpcNotHonoured': 'GPC NICHT beachtet',
  'preview.nothingUndeclared': 'nichts Undeklariertes',
  'preview.undeclared': 'undeklarierte Cookies',

  'structure.tool': 'Struktur',
  'structure.title': 'Cookie-Richtlinie',
  'structure.policies': 'Richtlinien',
  'structure.policy': 'Richtlinie',
  'structure.textAndSettings':
    'Text und Einstellungen (bearbeiten, dann eine Fassung veröffentlichen)',
  'structure.versions': 'Veröffentlichte Fassungen, neueste zuerst',
  'structure.versionList': 'Fassungen',
  'structure.catalog': 'Cookie-Katalog',
  'structure.categories': 'Kategorien',
  'structure.cookiesByCategory': 'Cookies nach Kategorie',
  'structure.cookies': 'Cookies',
  'structure.allCookies': 'Alle Cookies',
  'structure.providers': 'Anbieter',
  'structure.scanFindings': 'Scan-Befunde',
  'structure.scanFindingsList': 'Scan-Befunde: undeklarierte Cookies, als Entwurf',
  'structure.scanReports': 'Scan-Berichte',
  'structure.evidence': 'Nachweise',

  'publish.action': 'Neue Fassung veröffentlichen',
  'publish.needsPublishedPolicy': 'Veröffentlichen Sie zuerst das Dokument der Richtlinie.',
  'publish.needsNoDraft':
    'Veröffentlichen oder verwerfen Sie zuerst die ausstehenden Änderungen der Richtlinie.',
  'publish.noPolicy': 'Es gibt noch keine veröffentlichte Richtlinie „{{slug}}“.',
  'publish.intro':
    'Fassung {{version}} wird aus dem Richtlinientext und dem Katalog erstellt, wie sie jetzt veröffentlicht sind. Sie kann danach nicht mehr bearbeitet werden: Ein Fehler wird durch eine weitere Fassung berichtigt.',
  'publish.effectiveFrom': 'Gültig ab (Zeitzone {{timeZone}})',
  'publish.effectiveFrom.help':
    'Ein späteres Datum plant die Fassung ein: Sie wird als bevorstehend aufgeführt und tritt an diesem Tag um Mitternacht in Kraft.',
  'publish.summary': 'Änderungen ({{language}})',
  'publish.summaryBinding': 'Änderungen ({{language}}, maßgeblich)',
  'publish.consentIntro':
    'Besucher werden nur zu den wesentlich geänderten Kategorien erneut gefragt, mit der Zeile „Was sich geändert hat“; ihre übrigen Entscheidungen bleiben bestehen. Eine Ablehnung wird sechs Monate lang nicht erneut erfragt.',
  'publish.change.none': 'Keine Änderung',
  'publish.change.editorial':
    'Redaktionell: nichts, worin ein Besucher eingewilligt hat, wird erweitert',
  'publish.change.material': 'Wesentlich: Besucher, die eingewilligt haben, werden erneut gefragt',
  'publish.changeShort.none': 'Keine Änderung',
  'publish.changeShort.editorial': 'Redaktionell',
  'publish.changeShort.material': 'Wesentlich',
  'publish.suggested': 'Aus den Unterschieden vorgeschlagen: {{change}}',
  'publish.suggestedWhy': 'Aus den Unterschieden vorgeschlagen: {{change}} ({{why}})',
  'publish.reason': 'Begründung (erforderlich: sie wird mit der Fassung gespeichert)',
  'publish.whatChanged': 'Was sich geändert hat, für Besucher ({{language}})',
  'publish.countsUnset':
    'Setzen Sie SANITY_STUDIO_SITE_URL auf die öffentliche Website, um zu sehen, wie viele gespeicherte Entscheidungen jede Änderung erneut abfragt.',
  'publish.countsFailed':
    'Die Einwilligungszahlen der Website konnten nicht gelesen werden: {{error}}.',
  'publish.countsLoading': 'Gespeicherte Entscheidungen werden gezählt …',
  'publish.countsNone': 'Noch keine Entscheidung gespeichert: Niemand wird erneut gefragt.',
  'publish.countsShare':
    '{{share}} % der geltenden Entscheidungen würden dazu erneut abgefragt ({{accepted}} von {{choices}} haben eingewilligt; Ablehnungen gelten sechs Monate).',
  'publish.summaryRequired':
    'Beschreiben Sie die Änderungen, mindestens auf {{language}}: Besucher lesen sie im Versionsverlauf.',
  'publish.nothing':
    'Nichts zu veröffentlichen: Richtlinie und Katalog sind dieselben wie in der neuesten Fassung.',
  'publish.unchanged':
    'Nichts zu veröffentlichen: Richtlinientext und Katalog sind dieselben wie in Fassung {{version}}. Bearbeiten Sie sie zuerst.',
  'publish.done': 'Fassung {{version}} veröffentlicht, gültig ab {{date}}.',
  'publish.failed': 'Veröffentlichung fehlgeschlagen: {{error}}',
  'publish.button': 'Fassung {{version}} veröffentlichen',
  'publishError.noCategory':
    'In dieser Fassung gibt es keine Kategorie „{{category}}“, die Besucher ablehnen können: {{categories}}.',
  'publishError.notAChange': '„{{change}}“ ist keine Änderung der Einwilligung: {{changes}}.',
  'publishError.reasonRequired':
    'Kategorie „{{category}}“: Die Unterschiede legen „{{suggested}}“ nahe, nicht „{{change}}“. Begründen Sie Ihre Wahl.',
  'publishError.badDate':
    'Das Datum des Inkrafttretens „{{date}}“ ist kein Datum der Form JJJJ-MM-TT.',
  'publishError.dateBefore':
    'Das Datum des Inkrafttretens {{date}} liegt vor dem der Fassung {{version}} ({{previous}}): Eine neue Fassung kann nicht vor derjenigen in Kraft treten, die sie ersetzt.',

  'changes.first':
    'Dies ist die erste Fassung dieser Richtlinie: Ihr gesamter Inhalt wird veröffentlicht.',
  'changes.translationOnly': 'Nur in der Übersetzung auf {{language}}',
  'changes.visible':
    'Besucher sehen diese Unterschiede auf der Seite der Fassung auf der öffentlichen Website.',
  'changes.cookiesAdded': 'Hinzugefügte Cookies',
  'changes.cookiesRemoved': 'Entfernte Cookies',
  'changes.cookiesChanged': 'Geänderte Cookies',
  'changes.categoriesAdded': 'Hinzugefügte Kategorien',
  'changes.categoriesRemoved': 'Entfernte Kategorien',
  'changes.categoriesRenamed': 'Umbenannte Kategorien',
  'changes.categoriesChanged': 'Geänderte Kategorien',
  'changes.textChanged': 'Geänderter Text',
  'changes.title': 'Titel: {{before}} → {{after}}',
  'changes.sectionAdded': '{{section}} (hinzugefügt)',
  'changes.sectionRemoved': '{{section}} (entfernt)',

  'evidence.error': 'Die Nachweise konnten nicht gelesen werden: {{error}}',
  'evidence.none':
    'Noch kein Scan der Websites wurde mit Fassung {{version}} verglichen. Führen Sie `npm run monitor` aus (oder `npm run scan-cookies -- … --to-studio`), um einen zu speichern.',
  'evidence.scanned': 'Gescannt am {{date}} UTC · Seiten: {{urls}}',
  'evidence.yes': 'ja',
  'evidence.no': 'nein',
  'evidence.notChecked': 'nicht geprüft',
  'evidence.failed': 'Was fehlgeschlagen ist ({{count}})',
  'evidence.nothingFailed': 'Nichts ist fehlgeschlagen.',
}

export const STUDIO_WORDS: Record<KnownLang, StudioWords> = { en, fr, de }

/** The id of each language's locale in Sanity Studio (its locale plugins'). */
export const STUDIO_LOCALE_IDS: Record<KnownLang, string> = {
  en: 'en-US',
  fr: 'fr-FR',
  de: 'de-DE',
}

/** The words' language of a Studio locale id ("fr-FR" → "fr"); English for one the code has no words in. */
export function studioLangOf(localeId: string | undefined): KnownLang {
  const lang = (localeId ?? '').split('-')[0]!.toLowerCase()
  return Object.prototype.hasOwnProperty.call(STUDIO_WORDS, lang) ? (lang as KnownLang) : 'en'
}

/** The values of a word's placeholders as text in `reader`'s language. */
export function valuesIn(values: StudioValues, reader: KnownLang): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'object' ? languageIn(value.lang, reader) : String(value),
    ]),
  )
}

/** One word in one language, its {{placeholders}} filled in. */
export function studioText(lang: KnownLang, key: StudioKey, values: StudioValues = {}): string {
  const filled = valuesIn(values, lang)
  return STUDIO_WORDS[lang][key].replace(
    /\{\{(\w+)\}\}/g,
    (whole, name: string) => filled[name] ?? whole,
  )
}

/** One reader's names of languages, made once: a form names each language of each field. */
const languageNames = new Map<KnownLang, Intl.DisplayNames>()

/** A language's name as written in another ("anglais", "Englisch"), by the runtime's own CLDR data. */
function languageIn(lang: string, reader: KnownLang): string {
  let names = languageNames.get(reader)
  if (!names) {
    names = new Intl.DisplayNames([STUDIO_LOCALE_IDS[reader]], { type: 'language' })
    languageNames.set(reader, names)
  }
  return names.of(lang) ?? lang
}

/**
 * The language the Studio speaks to its editor now, for what Sanity renders without a hook (list previews, a
 * document's checks). The Studio's layout sets it from Sanity's `useLocale`; elsewhere (scripts, tests) it is
 * English.
 */
let current: KnownLang = 'en'
export function setStudioLanguage(lang: KnownLang): void {
  current = lang
}
export function studioLanguage(): KnownLang {
  return current
}
