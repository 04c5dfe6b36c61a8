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
  LOCALES,
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
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    async function load() {
      const publishing = await readForPublishing(run, slug)
      if (!publishing) throw new Error(`There is no published policy "${slug}" yet.`)
      const { state, latest } = publishing
      const day = defaultEffectiveDay(state.today, latest)
      const plan = planPublication({ ...publishing, effectiveFrom: day })
      if (!cancelled) setLoaded({ publishing, plan })
    }
    load().catch((caught: Error) => setError(caught.message))
    return () => {
      cancelled = true
    }
  }, [run, slug])
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
  return LANGUAGES.map((lang) => (
    <Stack gap={2} key={lang}>
      <Label as="label" {...{ htmlFor: `summary-${lang}` }}>
        What changed ({LOCALES[lang].englishName}
        {lang === binding ? ', binding' : ''})
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

const CHANGE_LABELS: Record<Materiality, string> = {
  none: 'No change',
  editorial: 'Editorial: nothing a visitor agreed to grows',
  material: 'Material: visitors who accepted are asked again',
}

interface ConsentDecision {
  change: Materiality
  reason: string
  whatChanged: Summaries
}

type Counts = { choices: number; accepted: Record<string, number> } | string

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
          !cancelled && setCounts(`The site's consent counts could not be read: ${error.message}.`),
      )
    return () => {
      cancelled = true
    }
  }, [slug])
  return siteUrl
    ? counts
    : 'Set SANITY_STUDIO_SITE_URL to the public site to see how many recorded choices each change asks again.'
}

/** What asking again about a category means for the visitors on record. */
function consequence(counts: Counts | null, category: string): string {
  if (counts === null) return 'Counting the choices on record…'
  if (typeof counts === 'string') return counts
  const accepted = counts.accepted[category] ?? 0
  if (!counts.choices) return 'No choice is on record yet: nobody is asked again.'
  const share = Math.round((accepted / counts.choices) * 100)
  return `${share}% of the choices in force would be asked again about it (${accepted} of ${counts.choices} accepted it; refusals stand six months).`
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
  const titles = new Map(
    (plan.document.snapshot.categories ?? []).map((category) => [
      category.key,
      text(category.title, binding, binding),
    ]),
  )
  return (
    <Stack gap={4}>
      <Text size={1} weight="semibold">
        Consent, category by category
      </Text>
      <Text size={1} muted>
        Visitors are asked again only about the categories changed materially, with the line “what
        changed”; their other choices carry forward. A refusal is not asked again for six months.
      </Text>
      {plan.materiality.map((entry) => {
        const decision = decisions[entry.category]!
        const id = `consent-${entry.category}`
        const why = whatChangedLine(entry.changes, binding)
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
                    {CHANGE_LABELS[change]}
                  </option>
                ))}
              </Select>
              <Text size={1} muted>
                Suggested from the differences: {CHANGE_LABELS[entry.change].split(':')[0]}
                {why ? ` (${why})` : ''}
              </Text>
              {decision.change === 'material' ? (
                <Text size={1} id={`asked-${entry.category}`}>
                  {consequence(counts, entry.category)}
                </Text>
              ) : null}
              {decision.change !== entry.change ? (
                <Stack gap={2}>
                  <Label as="label" {...{ htmlFor: `reason-${entry.category}` }}>
                    Why (required: it is kept with the version)
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
                        What changed, for visitors ({LOCALES[lang].englishName})
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
        throw new PublishError(
          `Write what changed, in ${LOCALES[state.binding].englishName} at least: visitors read it in the version history.`,
        )
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
        onDone('Nothing to publish: the policy and catalog are the same as the latest version.')
        return
      }
      // Published with its content hash: from now on, nothing may change what it says.
      await client
        .transaction()
        .create(await withContentHash(next.document))
        .commit({ visibility: 'sync' })
      onDone(
        `Version ${next.document.version} published, in force from ${next.document.effectiveFrom}.`,
      )
    } catch (caught) {
      setError(
        caught instanceof PublishError
          ? caught.message
          : `Publishing failed: ${(caught as Error).message}`,
      )
    } finally {
      setBusy(false)
    }
  }, [client, publishing, state.binding, effectiveFrom, decisions, summaries, onDone])

  return (
    <Stack gap={4} padding={4}>
      <Text size={1}>
        Version {plan.document.version} will be created from the policy text and the catalog as they
        are published now. It cannot be edited afterwards: a mistake is corrected by publishing
        another version.
      </Text>
      <ChangesSummary diff={plan.diff} translations={plan.translations} />
      <Stack gap={2}>
        <Label as="label" {...{ htmlFor: 'effective-from' }}>
          In force from ({state.timeZone} time)
        </Label>
        <TextInput
          id="effective-from"
          type="date"
          value={effectiveFrom}
          onChange={(event) => setEffectiveFrom(event.currentTarget.value)}
        />
        <Text size={1} muted>
          A later date schedules the version: it is listed as upcoming and takes effect at midnight
          that day.
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
        text={`Publish version ${plan.document.version}`}
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
        <Text>
          Nothing to publish: the policy text and the catalog are the same as version{' '}
          {loaded.plan.latestVersion}. Edit them first.
        </Text>
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
  return {
    label: 'Publish a new version',
    icon: CalendarIcon,
    disabled: !slug || Boolean(props.draft),
    title: !slug
      ? 'Publish the policy document first.'
      : props.draft
        ? 'Publish or discard the pending changes of the policy first.'
        : undefined,
    onHandle: () => {
      setMessage(null)
      setOpen(true)
    },
    dialog: open
      ? {
          type: 'dialog',
          header: message ?? 'Publish a new version',
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
