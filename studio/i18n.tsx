// The Studio in its editor's language. Sanity's own interface comes from its locale plugins, one for each
// language of the deployment that has one (English is built in); this project's words (schemas/src/studioWords.ts)
// are resource bundles of one namespace, read by `useTranslation` in components. The editor picks the language
// beside the tools (Sanity 6 ships its own language menu switched off, "until schema localization is
// available"; ours calls the same public `changeLocale`) and Sanity remembers it per editor; until then, the
// browser's language when the deployment has it, else the deployment's first language.
import { TranslateIcon } from '@sanity/icons/Translate'
import { deDELocale } from '@sanity/locale-de-de'
import { frFRLocale } from '@sanity/locale-fr-fr'
import {
  defineLocale,
  defineLocaleResourceBundle,
  definePlugin,
  useLocale,
  type LayoutProps,
  type LocaleDefinition,
  type Plugin,
  type ToolMenuProps,
} from 'sanity'
import { Button, Flex } from '@sanity/ui'
import { Menu, MenuButton, MenuItem } from '@sanity/ui/menu'
import { useEffect } from 'react'
import { LANGUAGES, LOCALES, type Lang } from '@cookie-policy/schemas/model'
import {
  STUDIO_LOCALE_IDS,
  STUDIO_NAMESPACE,
  STUDIO_WORDS,
  setStudioLanguage,
  studioLangOf,
} from '@cookie-policy/schemas/studioWords'

/** Sanity's translations of its own interface, by language. */
const SANITY_INTERFACE: Partial<Record<Lang, Plugin<void>>> = { fr: frFRLocale, de: deDELocale }

/** Where this browser keeps its editor's choice: our own key (Sanity keeps its own, which we do not read). */
const CHOICE = 'cookie-policy:studio-language'

/** The deployment's languages, and English, Sanity's own. */
const offered = (): Lang[] => [...new Set<Lang>([...LANGUAGES, 'en'])]

/**
 * The language the Studio starts in: its editor's choice, else the browser's first that the deployment has,
 * else the deployment's first.
 */
export function startLanguage(): Lang {
  const choice = offered().find((lang) => lang === stored())
  if (choice) return choice
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages
  const codes = browser.map((tag) => tag.split('-')[0]!.toLowerCase())
  return (
    codes.find((code): code is Lang => (LANGUAGES as readonly string[]).includes(code)) ??
    LANGUAGES[0]
  )
}

/** The choice made on this page, for a browser that keeps nothing for the site (storage blocked). */
let chosenHere: Lang | null = null

/** The choice kept in this browser, else made on this page. */
function stored(): string | null {
  try {
    return (typeof localStorage === 'undefined' ? null : localStorage.getItem(CHOICE)) ?? chosenHere
  } catch {
    return chosenHere
  }
}

/** Keeps the choice; false where the browser cannot keep it (then it lasts as long as the page). */
function store(lang: Lang): boolean {
  chosenHere = lang
  try {
    localStorage.setItem(CHOICE, lang)
    return true
  } catch {
    return false
  }
}

/** Sanity starts an editor without a choice of its own on the last locale of the list. */
function withDefaultLast(locales: LocaleDefinition[]): LocaleDefinition[] {
  const id = STUDIO_LOCALE_IDS[startLanguage()]
  return [
    ...locales.filter((locale) => locale.id !== id),
    ...locales.filter((locale) => locale.id === id),
  ]
}

/**
 * Keeps Sanity's language the one the schema was made in: Sanity keeps its choice per project, ours per site,
 * and the two may differ (a local Studio and a project's at the same address). Previews and document checks,
 * worded without hooks, follow.
 */
function LanguageLayout(props: LayoutProps) {
  const { currentLocale, changeLocale } = useLocale()
  const started = STUDIO_LOCALE_IDS[startLanguage()]
  useEffect(() => {
    if (currentLocale.id !== started) void changeLocale(started)
  }, [currentLocale.id, started, changeLocale])
  setStudioLanguage(studioLangOf(started))
  return props.renderDefault(props)
}

/** How long the Studio waits for an editor's last edits before it starts again in another language. */
const RESTART_AFTER_MS = 2_000

/** The tools, then the editor's choice of language for the whole Studio. */
function ToolsAndLanguage(props: ToolMenuProps) {
  const { locales, currentLocale, changeLocale } = useLocale()
  // Sanity remembers the choice and speaks it at once; the Studio then starts again so that the schema's own
  // words follow. First the field being typed in lets go of its text, and the edits it sends (Sanity sends
  // them once a second) are given time to arrive.
  const choose = async (id: string) => {
    if (id === currentLocale.id) return
    const kept = store(studioLangOf(id))
    ;(document.activeElement as HTMLElement | null)?.blur()
    await changeLocale(id)
    // Where nothing can be kept, starting again would forget the choice: the schema's words stay as they are.
    if (kept) setTimeout(() => window.location.reload(), RESTART_AFTER_MS)
  }
  if (locales.length < 2) return props.renderDefault(props)
  return (
    <Flex gap={2} align="center" direction={props.context === 'sidebar' ? 'column' : 'row'}>
      {props.renderDefault(props)}
      <MenuButton
        id="editor-language"
        button={
          <Button
            mode="bleed"
            icon={TranslateIcon}
            text={currentLocale.title}
            data-testid="editor-language"
          />
        }
        menu={
          <Menu>
            {locales.map((locale) => (
              <MenuItem
                key={locale.id}
                text={locale.title}
                lang={locale.id}
                pressed={locale.id === currentLocale.id}
                onClick={() => void choose(locale.id)}
              />
            ))}
          </Menu>
        }
        popover={{ portal: true, placement: 'bottom' }}
      />
    </Flex>
  )
}

export const editorLanguages = definePlugin({
  name: 'cookie-policy-editor-languages',
  plugins: LANGUAGES.flatMap((lang) => {
    const plugin = SANITY_INTERFACE[lang]
    return plugin ? [plugin()] : []
  }),
  i18n: {
    locales: (previous: LocaleDefinition[]) => {
      // A language with words of ours and no Sanity plugin: our words, Sanity's in English.
      const missing = LANGUAGES.filter(
        (lang) => !previous.some((locale) => locale.id === STUDIO_LOCALE_IDS[lang]),
      ).map((lang) =>
        defineLocale({
          id: STUDIO_LOCALE_IDS[lang],
          title: LOCALES[lang].name,
          weekInfo: { firstDay: 1, minimalDays: 4, weekend: [6, 7] },
        }),
      )
      return withDefaultLast([...previous, ...missing])
    },
    bundles: (Object.keys(STUDIO_WORDS) as Lang[]).map((lang) =>
      defineLocaleResourceBundle({
        locale: STUDIO_LOCALE_IDS[lang],
        namespace: STUDIO_NAMESPACE,
        resources: STUDIO_WORDS[lang],
      }),
    ),
  },
  studio: { components: { layout: LanguageLayout, toolMenu: ToolsAndLanguage } },
})
