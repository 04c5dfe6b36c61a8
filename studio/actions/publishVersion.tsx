// "Publish a new version": the policy and catalog as edited now become the next dated, immutable version.
// The plan (differences, snapshot, consent suggestion, checks) is planPublication from schemas/, the same
// function the importer runs, over the same reader of a policy's state; the version is created in one
// transaction, with an id that cannot be taken twice.
import { CalendarIcon } from '@sanity/icons/Calendar'
import {
  Box,
  Button,
  Card,
  Checkbox,
  Flex,
  Label,
  Spinner,
  Stack,
  Text,
  TextArea,
  TextInput,
} from '@sanity/ui'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useClient, type DocumentActionComponent, type DocumentActionProps } from 'sanity'
import { SANITY_API_VERSION } from '@cookie-policy/schemas/apiVersion'
import {
  LANGUAGES,
  defaultEffectiveDay,
  LOCALES,
  planPublication,
  withContentHash,
  PublishError,
  type Lang,
  type Localized,
  type PublishPlan,
} from '@cookie-policy/schemas/model'
import type { QueryResult, RunQuery } from '@cookie-policy/schemas/queries'
import { readForPublishing, type PublishingState } from '@cookie-policy/schemas/state'
import { ChangesSummary } from '../components/ChangesSummary'

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

function ConsentChoice({
  checked,
  suggested,
  onChange,
}: {
  checked: boolean
  suggested: boolean
  onChange: (checked: boolean) => void
}) {
  return (
    <Flex align="flex-start" gap={3}>
      <Checkbox
        id="requires-new-consent"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <Box flex={1}>
        <Stack gap={2}>
          <Label as="label" {...{ htmlFor: 'requires-new-consent' }}>
            Ask every visitor for consent again when this version takes effect
          </Label>
          <Text size={1} muted>
            {suggested
              ? 'Suggested: a cookie or category that visitors can refuse was added, or a purpose changed.'
              : 'Not suggested: no refusable cookie or purpose was added or changed.'}
          </Text>
        </Stack>
      </Box>
    </Flex>
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
  const [requiresNewConsent, setRequiresNewConsent] = useState(plan.suggestedRequiresNewConsent)
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
        requiresNewConsent,
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
  }, [client, publishing, state.binding, effectiveFrom, requiresNewConsent, summaries, onDone])

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
      <ConsentChoice
        checked={requiresNewConsent}
        suggested={plan.suggestedRequiresNewConsent}
        onChange={setRequiresNewConsent}
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
