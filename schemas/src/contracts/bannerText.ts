// The banner's own words in every known language (the catalog's words come from the policy).
import type { Lang } from '../languages'

export const BANNER_TEXT = {
  fr: {
    consentTitle: 'Vos choix en matière de cookies',
    consentDescription:
      'Nous utilisons des cookies nécessaires au fonctionnement du site et, si vous l’acceptez, d’autres pour mesurer l’audience et améliorer nos services. Vous pouvez tout accepter, tout refuser ou choisir par catégorie, et changer d’avis à tout moment.',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    showPreferences: 'Personnaliser',
    revisionMessage:
      'Notre politique relative aux cookies a changé depuis votre dernier choix : merci de nous le redonner.',
    preferencesTitle: 'Préférences en matière de cookies',
    save: 'Enregistrer mes choix',
    close: 'Fermer',
    usageTitle: 'Utilisation des cookies',
    usageDescription:
      'Chaque catégorie ci-dessous peut être acceptée ou refusée, sauf les cookies strictement nécessaires au fonctionnement du site. Votre choix est conservé 6 mois.',
    moreTitle: 'En savoir plus',
    policyLink: 'Lire la politique relative aux cookies',
    columns: {
      name: 'Nom',
      provider: 'Fournisseur',
      purpose: 'Finalité',
      retention: 'Durée de conservation',
    },
    gpcNotice:
      'Votre navigateur envoie le signal Global Privacy Control : nous n’utilisons que les cookies nécessaires.',
    gpcPreferences: 'Choisir autrement',
    receipt:
      'Identifiant de votre consentement : {id}. Choix du {date}, version {version} de la politique.',
    unknownRetention: 'Voir le fournisseur',
    changedTitle: 'Ce qui a changé depuis votre choix du {date}',
    changedIntro:
      'Nous vous redemandons votre accord pour ces catégories seulement ; vos autres choix sont conservés.',
    changedLink: 'Comparer les deux versions de la politique',
    reaskAccept: 'Accepter',
    reaskReject: 'Refuser',
  },
  en: {
    consentTitle: 'Your cookie choices',
    consentDescription:
      'We use cookies that the site needs to work and, if you agree, others to measure our audience and improve our services. You can accept all, reject all or choose by category, and change your mind at any time.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    showPreferences: 'Manage preferences',
    revisionMessage: 'Our cookie policy has changed since your last choice: please tell us again.',
    preferencesTitle: 'Cookie preferences',
    save: 'Save my choices',
    close: 'Close',
    usageTitle: 'How we use cookies',
    usageDescription:
      'You can accept or reject each category below, except the cookies the site strictly needs to work. Your choice is kept for 6 months.',
    moreTitle: 'Learn more',
    policyLink: 'Read the cookie policy',
    columns: {
      name: 'Name',
      provider: 'Provider',
      purpose: 'Purpose',
      retention: 'Retention period',
    },
    gpcNotice: 'Your browser sends Global Privacy Control: we use only the necessary cookies.',
    gpcPreferences: 'Choose otherwise',
    receipt: 'Your consent ID: {id}. Choice made on {date}, policy version {version}.',
    unknownRetention: 'See the provider',
    changedTitle: 'What changed since you chose on {date}',
    changedIntro: 'We ask again about these categories only; your other choices are kept.',
    changedLink: 'Compare the two versions of the policy',
    reaskAccept: 'Accept',
    reaskReject: 'Refuse',
  },
  de: {
    consentTitle: 'Ihre Cookie-Einstellungen',
    consentDescription:
      'Wir verwenden Cookies, die für den Betrieb der Website notwendig sind, und – wenn Sie zustimmen – weitere, um die Nutzung zu messen und unsere Dienste zu verbessern. Sie können alle akzeptieren, alle ablehnen oder nach Kategorie wählen und Ihre Wahl jederzeit ändern.',
    acceptAll: 'Alle akzeptieren',
    rejectAll: 'Alle ablehnen',
    showPreferences: 'Einstellungen',
    revisionMessage:
      'Unsere Cookie-Richtlinie hat sich seit Ihrer letzten Wahl geändert: Bitte wählen Sie erneut.',
    preferencesTitle: 'Cookie-Einstellungen',
    save: 'Auswahl speichern',
    close: 'Schließen',
    usageTitle: 'Wie wir Cookies verwenden',
    usageDescription:
      'Sie können jede Kategorie unten akzeptieren oder ablehnen, außer den Cookies, die für den Betrieb der Website unbedingt erforderlich sind. Ihre Wahl wird 6 Monate lang gespeichert.',
    moreTitle: 'Mehr erfahren',
    policyLink: 'Cookie-Richtlinie lesen',
    columns: {
      name: 'Name',
      provider: 'Anbieter',
      purpose: 'Zweck',
      retention: 'Speicherdauer',
    },
    gpcNotice:
      'Ihr Browser sendet das Signal Global Privacy Control: Wir verwenden nur notwendige Cookies.',
    gpcPreferences: 'Anders wählen',
    receipt: 'Ihre Einwilligungs-ID: {id}. Auswahl vom {date}, Version {version} der Richtlinie.',
    unknownRetention: 'Siehe Anbieter',
    changedTitle: 'Was sich seit Ihrer Auswahl vom {date} geändert hat',
    changedIntro:
      'Wir fragen nur zu diesen Kategorien erneut; Ihre übrigen Entscheidungen bleiben bestehen.',
    changedLink: 'Die beiden Fassungen der Richtlinie vergleichen',
    reaskAccept: 'Akzeptieren',
    reaskReject: 'Ablehnen',
  },
} satisfies Record<Lang, unknown>
