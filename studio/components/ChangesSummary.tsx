// The differences a new version would publish, as the public site words them (the same diffVersions): the
// binding text's, then what each translation changed on its own.
import { Box, Card, Stack, Text } from '@sanity/ui'
import type { Lang, PolicyDiff } from '@cookie-policy/schemas/model'
import type { StudioKey } from '@cookie-policy/schemas/studioWords'
import { useStudioWords } from '../words'

/** The Studio's word for each field a difference names (its field's title). */
const FIELD_WORDS: Record<string, StudioKey> = {
  name: 'cookie.name',
  category: 'cookie.category',
  type: 'cookie.type',
  purpose: 'cookie.purpose',
  retention: 'cookie.retention',
  moreInfoUrl: 'cookie.moreInfoUrl',
  provider: 'cookie.provider',
  description: 'cookieCategory.description',
  required: 'cookieCategory.required',
  title: 'cookieCategory.title',
}

function List({ title, items }: { title: string; items: string[] }) {
  if (!items.length) return null
  return (
    <Stack gap={2}>
      <Text size={1} weight="semibold">
        {title}
      </Text>
      {items.map((item) => (
        <Text key={item} size={1}>
          • {item}
        </Text>
      ))}
    </Stack>
  )
}

export function ChangesSummary({
  diff,
  translations,
}: {
  diff: PolicyDiff | null
  translations: { lang: Lang; diff: PolicyDiff }[]
}) {
  const { t } = useStudioWords()
  if (diff === null) {
    return (
      <Card padding={3} tone="primary" radius={2}>
        <Text size={1}>{t('changes.first')}</Text>
      </Card>
    )
  }
  return (
    <Card padding={3} radius={2} border>
      <Stack gap={4}>
        <DiffLists diff={diff} />
        {translations.map(({ lang, diff: translated }) => (
          <Stack gap={3} key={lang}>
            <Text size={1} weight="semibold">
              {t('changes.translationOnly', { language: { lang } })}
            </Text>
            <DiffLists diff={translated} />
          </Stack>
        ))}
        <Box>
          <Text size={1} muted>
            {t('changes.visible')}
          </Text>
        </Box>
      </Stack>
    </Card>
  )
}

function DiffLists({ diff }: { diff: PolicyDiff }) {
  const { cookies, categories, sections } = diff
  const { t } = useStudioWords()
  const field = (name: string) => (FIELD_WORDS[name] ? t(FIELD_WORDS[name]) : name)
  return (
    <>
      <List
        title={t('changes.cookiesAdded')}
        items={cookies.added.map((cookie) => `${cookie.name} (${cookie.category})`)}
      />
      <List
        title={t('changes.cookiesRemoved')}
        items={cookies.removed.map((cookie) => `${cookie.name} (${cookie.category})`)}
      />
      <List
        title={t('changes.cookiesChanged')}
        items={cookies.changed.map(
          (cookie) =>
            `${cookie.name}: ${cookie.changes.map((change) => `${field(change.field)} ${change.before ?? '—'} → ${change.after ?? '—'}`).join('; ')}`,
        )}
      />
      <List
        title={t('changes.categoriesAdded')}
        items={categories.added.map((category) => category.title)}
      />
      <List
        title={t('changes.categoriesRemoved')}
        items={categories.removed.map((category) => category.title)}
      />
      <List
        title={t('changes.categoriesRenamed')}
        items={categories.renamed.map((category) => `${category.before} → ${category.after}`)}
      />
      <List
        title={t('changes.categoriesChanged')}
        items={categories.changed.map((change) => `${change.title}: ${field(change.field)}`)}
      />
      <List
        title={t('changes.textChanged')}
        items={[
          ...(diff.title
            ? [
                t('changes.title', {
                  before: diff.title.before ?? '—',
                  after: diff.title.after ?? '—',
                }),
              ]
            : []),
          ...(diff.intro ? [t('policy.intro')] : []),
          ...sections.changed.map((section) => `${section.number}. ${section.heading}`),
          ...sections.added.map((section) =>
            t('changes.sectionAdded', { section: `${section.number}. ${section.heading}` }),
          ),
          ...sections.removed.map((section) =>
            t('changes.sectionRemoved', { section: `${section.number}. ${section.heading}` }),
          ),
        ]}
      />
    </>
  )
}
