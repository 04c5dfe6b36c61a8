// The differences a new version would publish, as the public site words them (the same diffVersions): the
// binding text's, then what each translation changed on its own.
import { Box, Card, Stack, Text } from '@sanity/ui'
import { LOCALES, type Lang, type PolicyDiff } from '@cookie-policy/schemas/model'

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
  if (diff === null) {
    return (
      <Card padding={3} tone="primary" radius={2}>
        <Text size={1}>
          This is the first version of this policy: everything in it will be published.
        </Text>
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
              In the {LOCALES[lang].englishName} translation only
            </Text>
            <DiffLists diff={translated} />
          </Stack>
        ))}
        <Box>
          <Text size={1} muted>
            Visitors will see these differences on the version&apos;s page of the public site.
          </Text>
        </Box>
      </Stack>
    </Card>
  )
}

function DiffLists({ diff }: { diff: PolicyDiff }) {
  const { cookies, categories, sections } = diff
  return (
    <>
      <List
        title="Cookies added"
        items={cookies.added.map((cookie) => `${cookie.name} (${cookie.category})`)}
      />
      <List
        title="Cookies removed"
        items={cookies.removed.map((cookie) => `${cookie.name} (${cookie.category})`)}
      />
      <List
        title="Cookies changed"
        items={cookies.changed.map(
          (cookie) =>
            `${cookie.name}: ${cookie.changes.map((change) => `${change.field} ${change.before ?? '—'} → ${change.after ?? '—'}`).join('; ')}`,
        )}
      />
      <List title="Categories added" items={categories.added.map((category) => category.title)} />
      <List
        title="Categories removed"
        items={categories.removed.map((category) => category.title)}
      />
      <List
        title="Categories renamed"
        items={categories.renamed.map((category) => `${category.before} → ${category.after}`)}
      />
      <List
        title="Categories changed"
        items={categories.changed.map((change) => `${change.title}: ${change.field}`)}
      />
      <List
        title="Text changed"
        items={[
          ...(diff.title ? [`Title: ${diff.title.before} → ${diff.title.after}`] : []),
          ...(diff.intro ? ['Introduction'] : []),
          ...sections.changed.map((section) => `${section.number}. ${section.heading}`),
          ...sections.added.map((section) => `${section.number}. ${section.heading} (added)`),
          ...sections.removed.map((section) => `${section.number}. ${section.heading} (removed)`),
        ]}
      />
    </>
  )
}
