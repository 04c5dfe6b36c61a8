// "Publish a new version": the policy and catalog as edited now become the next dated, immutable version.
// The plan (differences, snapshot, consent changes per category, checks) is planPublication from schemas/, the same
// function the importer runs, over the same reader of a policy's state; the version is created in one
// transaction, with an id that cannot be taken twice.
import { CalendarIcon } from '@sanity/icons/Calendar'
import {
  Box,
  Button,
  Card,
  Flex,
  Label,
  Select,
  Spinner,
  Stack,
  Text,
  TextArea,
  TextInput,
} from '@sanity/ui'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useClient, type DocumentActionComponent, type DocumentActionProps } from 'sanity'
import { SANITY_API_VERSION } from '@cookie-policy/schemas/apiVersion'
import { consentCountsSchema } from '@cookie-policy/schemas/contracts'
import {
  LANGUAGES,
  defaultEffectiveDay,
  MATERIALITY,
  planPublication,
  text,
  whatChangedLine,
  withContentHash,
  PublishError,
  type Lang,
  type Localized,
  type Materiality,
  type PublishPlan,
} from '@cookie-policy/schemas/model'
import type { QueryResult, RunQuery } from '@cookie-policy/schemas/queries'
import { readForPublishing, type PublishingState } from '@cookie-policy/schemas/state'
import { useStudioWords } from '../words'
import type { StudioKey, StudioValues } from '@cookie-policy/schemas/studioWords'
import { ChangesSummary } from '../components/ChangesSummary'
import { siteUrl } from '../env'

type Plan = Extract<PublishPlan, { kind: 'publish' }>
type Summaries = Partial<Record<Lang, string>>

/** The published perspective, read through the same reader of a policy's state as the importer and the site. */
function usePublishedQueries() {
  const client = useClient({ apiVersion: SANITY_API_VERSION }).withConfig({
    perspective: 'published',
  })
  const run = useMemo<RunQuery>(
    () =>
      (query, params = {}) =>
        client.fetch<QueryResult<typeof query>>(query, params),
    [client],
  )
  return { client, run }
}

/** The policy's state and the plan of the next version, with the effective date it was planned for. */
function usePlan(slug: string) {
  const { client, run } = usePublishedQueries()
  const [loaded, setLoaded] = useState<{ publishing: PublishingState; plan: PublishPlan } | null>(
    null,
  )
  const { t } = useStudioWords()
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    async function load() {
      const publishing = await readForPublishing(run, slug)
      if (!publishing) throw new Error(t('publish.noPolicy', { slug }))
      const { state, latest } = publishing
      const day = defaultEffectiveDay(state.today, latest)
      const plan = planPublication({ ...publishing, effectiveFrom: day })
      if (!cancelled) setLoaded({ publishing, plan })
    }
    load().catch((caught: Error) =>
      setError(caught instanceof PublishError ? t(caught.key, caught.values) : caught.message),
    )
    return () => {
      cancelled = true
    }
  }, [run, slug, t])
  return { client, loaded, error }
}

function SummaryFields({
  binding,
  summaries,
  onChange,
}: {
  binding: Lang
  summaries: Summaries
  onChange: (lang: Lang, text: string) => void
}) {
  const { t } = useStudioWords()
  return LANGUAGES.map((lang) => (
    <Stack gap={2} key={lang}>
      <Label as="label" {...{ htmlFor: `summary-${lang}` }}>
        {t(lang === binding ? 'publish.summaryBinding' : 'publish.summary', {
          language: { lang },
        })}
      </Label>
      <TextArea
        id={`summary-${lang}`}
        rows={3}
        value={summaries[lang] ?? ''}
        onChange={(event) => onChange(lang, event.currentTarget.value)}
      />
    </Stack>
  ))
}

interface ConsentDecision {
  change: Materiality
  reason: string
  whatChanged: Summaries
}

/** The choices on record, or why they cannot be shown (a word, and what fills it). */
type Counts =
  { choices: number; accepted: Record<string, number> } | { key: StudioKey; values?: StudioValues }

/**
 * The choices in force on the public site, counted per category (GET /api/consent/counts/{policy}), or why
 * they cannot be shown.
 */
function useCounts(slug: string): Counts | null {
  const [counts, setCounts] = useState<Counts | null>(null)
  useEffect(() => {
    if (!siteUrl) return
    let cancelled = false
    fetch(new URL(`/api/consent/counts/${encodeURIComponent(slug)}`, siteUrl))
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        return consentCountsSchema.parse(await response.json())
      })
      .then(
        (read) => !cancelled && setCounts(read),
        (error: Error) =>
          !cancelled &&
          setCounts({ key: 'publish.countsFailed', values: { error: error.message } }),
      )
    return () => {
      cancelled = true
    }
  }, [slug])
  return siteUrl ? counts : { key: 'publish.countsUnset' }
}

/** What asking again about a category means for the visitors on record. */
function consequence(
  counts: Counts | null,
  category: string,
): { key: StudioKey; values?: StudioValues } {
  if (counts === null) return { key: 'publish.countsLoading' }
  if ('key' in counts) return counts
  const accepted = counts.accepted[category] ?? 0
  if (!counts.choices) return { key: 'publish.countsNone' }
  const share = Math.round((accepted / counts.choices) * 100)
  return { key: 'publish.countsShare', values: { share, accepted, choices: counts.choices } }
}

/** The plan's suggestion for each category, as the form starts: the editor may change any of them. */
function suggestedDecisions(plan: Plan): Record<string, ConsentDecision> {
  return Object.fromEntries(
    plan.materiality.map((entry) => [
      entry.category,
      {
        change: entry.change,
        reason: '',
        whatChanged: Object.fromEntries(
          LANGUAGES.map((lang) => [lang, whatChangedLine(entry.changes, lang)]),
        ),
      },
    ]),
  )
}

/** Per category a visitor may refuse: what the differences suggest, and the editor's decision. */
function ConsentChanges({
  plan,
  binding,
  decisions,
  counts,
  onChange,
}: {
  plan: Plan
  binding: Lang
  decisions: Record<string, ConsentDecision>
  counts: Counts | null
  onChange: (category: string, decision: ConsentDecision) => void
}) {
  const { t, lang } = useStudioWords()
  // Each category by its title in the editor's language, else in the binding one.
  const titles = new Map(
    (plan.document.snapshot.categories ?? []).map((category) => [
      category.key,
      text(category.title, lang, binding),
    ]),
  )
  return (
    <Stack gap={4}>
      <Text size={1} weight="semibold">
        {t('policyVersion.consentChanges')}
      </Text>
      <Text size={1} muted>
        {t('publish.consentIntro')}
      </Text>
      {plan.materiality.map((entry) => {
        const decision = decisions[entry.category]!
        const id = `consent-${entry.category}`
        const why = whatChangedLine(entry.changes, binding)
        const said = consequence(counts, entry.category)
        const suggested = t(`publish.changeShort.${entry.change}`)
        return (
          <Card key={entry.category} padding={3} radius={2} border>
            <Stack gap={3}>
              <Label as="label" {...{ htmlFor: id }}>
                {titles.get(entry.category) || entry.category}
              </Label>
              <Select
                id={id}
                value={decision.change}
                onChange={(event) =>
                  onChange(entry.category, {
                    ...decision,
                    change: event.currentTarget.value as Materiality,
                  })
                }
              >
                {MATERIALITY.map((change) => (
                  <option key={change} value={change}>
                    {t(`publish.change.${change}`)}
                  </option>
                ))}
              </Select>
              <Text size={1} muted>
                {why
                  ? t('publish.suggestedWhy', { change: suggested, why })
                  : t('publish.suggested', { change: suggested })}
              </Text>
              {decision.change === 'material' ? (
                <Text size={1} id={`asked-${entry.category}`}>
                  {t(said.key, said.values)}
                </Text>
              ) : null}
              {decision.change !== entry.change ? (
                <Stack gap={2}>
                  <Label as="label" {...{ htmlFor: `reason-${entry.category}` }}>
                    {t('publish.reason')}
                  </Label>
                  <TextArea
                    id={`reason-${entry.category}`}
                    rows={2}
                    value={decision.reason}
                    onChange={(event) =>
                      onChange(entry.category, { ...decision, reason: event.currentTarget.value })
                    }
                  />
                </Stack>
              ) : null}
              {decision.change === 'material'
                ? LANGUAGES.map((lang) => (
                    <Stack gap={2} key={lang}>
                      <Label as="label" {...{ htmlFor: `changed-${entry.category}-${lang}` }}>
                        {t('publish.whatChanged', { language: { lang } })}
                      </Label>
                      <TextInput
                        id={`changed-${entry.category}-${lang}`}
                        value={decision.whatChanged[lang] ?? ''}
                        onChange={(event) =>
                          onChange(entry.category, {
                            ...decision,
                            whatChanged: {
                              ...decision.whatChanged,
                              [lang]: event.currentTarget.value,
                            },
                          })
                        }
                      />
                    </Stack>
                  ))
                : null}
            </Stack>
          </Card>
        )
      })}
    </Stack>
  )
}

function PublishForm({
  publishing,
  plan,
  client,
  onDone,
}: {
  publishing: PublishingState
  plan: Plan
  client: ReturnType<typeof useClient>
  onDone: (message: string) => void
}) {
  const { state } = publishing
  const { t } = useStudioWords()
  const [effectiveFrom, setEffectiveFrom] = useState(plan.document.effectiveFrom)
  const [summaries, setSummaries] = useState<Summaries>(() => {
    const written: Localized = plan.document.changeSummary
    return Object.fromEntries(
      LANGUAGES.map((lang) => [lang, typeof written[lang] === 'string' ? written[lang] : '']),
    )
  })
  const [decisions, setDecisions] = useState(() => suggestedDecisions(plan))
  const counts = useCounts(publishing.state.policy.slug)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const publish = useCallback(async () => {
    setBusy(true)
    setError(null)
    try {
      const written = LANGUAGES.map((lang) => [lang, summaries[lang]?.trim() ?? ''] as const)
      if (!summaries[state.binding]?.trim())
        throw new PublishError('publish.summaryRequired', { language: { lang: state.binding } })
      const next = planPublication({
        ...publishing,
        effectiveFrom,
        consentChanges: Object.entries(decisions).map(([category, decision]) => ({
          category,
          change: decision.change,
          reason: decision.reason,
          whatChanged: {
            _type: 'localeText',
            ...Object.fromEntries(
              Object.entries(decision.whatChanged).filter(([, line]) => line?.trim()),
            ),
          },
        })),
        changeSummary: {
          _type: 'localeText',
          ...Object.fromEntries(written.filter(([, text]) => text)),
        },
      })
      if (next.kind !== 'publish') {
        onDone(t('publish.nothing'))
        return
      }
      // Published with its content hash: from now on, nothing may change what it says.
      await client
        .transaction()
        .create(await withContentHash(next.document))
        .commit({ visibility: 'sync' })
      onDone(
        t('publish.done', {
          version: next.document.version,
          date: next.document.effectiveFrom,
        }),
      )
    } catch (caught) {
      setError(
        caught instanceof PublishError
          ? t(caught.key, wordedChanges(caught.values, t))
          : t('publish.failed', { error: (caught as Error).message }),
      )
    } finally {
      setBusy(false)
    }
  }, [client, publishing, state.binding, effectiveFrom, decisions, summaries, onDone, t])

  return (
    <Stack gap={4} padding={4}>
      <Text size={1}>{t('publish.intro', { version: plan.document.version })}</Text>
      <ChangesSummary diff={plan.diff} translations={plan.translations} />
      <Stack gap={2}>
        <Label as="label" {...{ htmlFor: 'effective-from' }}>
          {t('publish.effectiveFrom', { timeZone: state.timeZone })}
        </Label>
        <TextInput
          id="effective-from"
          type="date"
          value={effectiveFrom}
          onChange={(event) => setEffectiveFrom(event.currentTarget.value)}
        />
        <Text size={1} muted>
          {t('publish.effectiveFrom.help')}
        </Text>
      </Stack>
      <SummaryFields
        binding={state.binding}
        summaries={summaries}
        onChange={(lang, text) => setSummaries((previous) => ({ ...previous, [lang]: text }))}
      />
      <ConsentChanges
        plan={plan}
        binding={state.binding}
        decisions={decisions}
        counts={counts}
        onChange={(category, decision) => {
          setError(null)
          setDecisions((previous) => ({ ...previous, [category]: decision }))
        }}
      />
      {error ? (
        <Card padding={3} tone="critical" radius={2}>
          <Text size={1}>{error}</Text>
        </Card>
      ) : null}
      <Button
        text={t('publish.button', { version: plan.document.version })}
        tone="positive"
        icon={CalendarIcon}
        loading={busy}
        onClick={publish}
      />
    </Stack>
  )
}

function PublishDialog({ slug, onDone }: { slug: string; onDone: (message: string) => void }) {
  const { client, loaded, error } = usePlan(slug)
  const { t } = useStudioWords()
  if (error) {
    return (
      <Card padding={4} tone="critical">
        <Text>{error}</Text>
      </Card>
    )
  }
  if (!loaded) {
    return (
      <Flex padding={4} justify="center">
        <Spinner />
      </Flex>
    )
  }
  if (loaded.plan.kind === 'unchanged') {
    return (
      <Card padding={4} tone="caution">
        <Text>{t('publish.unchanged', { version: loaded.plan.latestVersion })}</Text>
      </Card>
    )
  }
  return (
    <PublishForm
      publishing={loaded.publishing}
      plan={loaded.plan}
      client={client}
      onDone={onDone}
    />
  )
}

/** A refusal's changes of consent ("material") in the editor's words. */
function wordedChanges(
  values: StudioValues,
  t: (key: StudioKey, values?: StudioValues) => string,
): StudioValues {
  const worded = (value: StudioValues[string] | undefined) =>
    MATERIALITY.includes(value as Materiality)
      ? t(`publish.changeShort.${value as Materiality}`)
      : value
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      name === 'change' || name === 'suggested' ? worded(value)! : value,
    ]),
  )
}

/** The slug of a published policy document, read without assuming its shape. */
function slugOf(document: DocumentActionProps['published']): string | null {
  const slug = document?.slug
  if (typeof slug !== 'object' || slug === null || !('current' in slug)) return null
  return typeof slug.current === 'string' ? slug.current : null
}

export const PublishVersionAction: DocumentActionComponent = (props: DocumentActionProps) => {
  const [open, setOpen] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const slug = slugOf(props.published)
  const { t } = useStudioWords()
  return {
    label: t('publish.action'),
    icon: CalendarIcon,
    disabled: !slug || Boolean(props.draft),
    title: !slug
      ? t('publish.needsPublishedPolicy')
      : props.draft
        ? t('publish.needsNoDraft')
        : undefined,
    onHandle: () => {
      setMessage(null)
      setOpen(true)
    },
    dialog: open
      ? {
          type: 'dialog',
          header: message ?? t('publish.action'),
          onClose: () => {
            setOpen(false)
            props.onComplete()
          },
          content: message ? (
            <Box padding={4}>
              <Text>{message}</Text>
            </Box>
          ) : slug ? (
            <PublishDialog slug={slug} onDone={setMessage} />
          ) : null,
        }
      : null,
  }
}
