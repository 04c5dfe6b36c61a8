// The Studio's words in its editor's language, for our components: the bundles (schemas/src/studioWords.ts)
// read through Sanity's i18n.
import { useCallback } from 'react'
import { useLocale, useTranslation } from 'sanity'
import {
  STUDIO_NAMESPACE,
  studioLangOf,
  valuesIn,
  type StudioKey,
  type StudioValues,
} from '@cookie-policy/schemas/studioWords'
import type { Lang } from '@cookie-policy/schemas/model'

/** The words of a component, in the editor's language, through Sanity's i18n (`useTranslation`). */
export function useStudioWords(): {
  lang: Lang
  t: (key: StudioKey, values?: StudioValues) => string
} {
  const { t } = useTranslation(STUDIO_NAMESPACE)
  const lang = studioLangOf(useLocale().currentLocale.id)
  const translate = useCallback(
    (key: StudioKey, values: StudioValues = {}) =>
      // Languages become their names in the editor's language before i18next fills them in.
      t(key, valuesIn(values, lang)),
    [t, lang],
  )
  return { lang, t: translate }
}
