// "Publish a new version": the policy and catalog as edited now become the next dated, immutable version.
// The plan (differences, snapshot, consent suggestion, checks) is planPublication from schemas/, the same
// function the importer runs; the version is created in one transaction, with an id that cannot be taken twice.
import { CalendarIcon } from '@sanity/icons'
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
import { useCallback, useEffect, useState } from 'react'
import { useClient, type DocumentActionComponent, type DocumentActionProps } from 'sanity'
import { SANITY_API_VERSION } from '@cookie-policy/schemas/apiVersion'
import {
  planPublication,
  PublishError,
  todayInParis,
  type EditedPolicy,
  type PublishPlan,
  type PublishedVersion,
} from '@cookie-policy/schemas/model'
import {
  currentCatalogQuery,
  policyPageQuery,
  policyVersionsByNumberQuery,
} from '@cookie-policy/schemas/queries'
import type {
  CurrentCatalogQueryResult,
  PolicyPageQueryResult,
  PolicyVersionsByNumberQueryResult,
} from '@cookie-policy/schemas/sanity.types'
import { ChangesSummary } from '../components/ChangesSummary'

interface Loaded {
  policy: EditedPolicy
  catalog: CurrentCatalogQueryResult
  latest: PublishedVersion | null
  plan: PublishPlan
}

function usePublishedClient() {
  return useClient({ apiVersion: SANITY_API_VERSION }).withConfig({ perspective: 'published' })
}

function PublishDialog({
  policy,
  onDone,
}: {
  policy: EditedPolicy
  onDone: (message: string | null) => void
}) {
  const client = usePublishedClient()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [effectiveFrom, setEffectiveFrom] = useState(todayInParis())
  const [summaryFr, setSummaryFr] = useState('')
  const [summaryEn, setSummaryEn] = useState('')
  const [requiresNewConsent, setRequiresNewConsent] = useState(true)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let cancelled = false
    async function load() {
      const slug = (policy as EditedPolicy & { slug?: { current?: string } }).slug?.current
      const page = slug
        ? await client.fetch<PolicyPageQueryResult>(policyPageQuery, { slug, today: '9999-12-31' })
        : null
      const latestNumber = page?.versions[0]?.version
      const [latest] = latestNumber
        ? await client.fetch<PolicyVersionsByNumberQueryResult>(policyVersionsByNumberQuery, {
            slug,
            versions: [latestNumber],
          })
        : []
      const catalog = await client.fetch<CurrentCatalogQueryResult>(currentCatalogQuery, {
        policyId: policy._id,
      })
      const plan = planPublication({
        policy,
        catalog,
        latest: (latest ?? null) as PublishedVersion | null,
        effectiveFrom:
          latest && latest.effectiveFrom > todayInParis() ? latest.effectiveFrom : todayInParis(),
      })
      if (cancelled) return
      setLoaded({ policy, catalog, latest: (latest ?? null) as PublishedVersion | null, plan })
      if (plan.kind === 'publish') {
        setRequiresNewConsent(plan.suggestedRequiresNewConsent)
        setSummaryFr(plan.document.changeSummary.fr ?? '')
        setSummaryEn(plan.document.changeSummary.en ?? '')
      }
    }
    load().catch((caught: Error) => setError(caught.message))
    return () => {
      cancelled = true
    }
  }, [client, policy])

  const publish = useCallback(async () => {
    if (!loaded) return
    setBusy(true)
    setError(null)
    try {
      const plan = planPublication({
        policy: loaded.policy,
        catalog: loaded.catalog,
        latest: loaded.latest,
        effectiveFrom,
        requiresNewConsent,
        changeSummary: {
          _type: 'localeText',
          fr: summaryFr.trim(),
          ...(summaryEn.trim() ? { en: summaryEn.trim() } : {}),
        },
      })
      if (plan.kind !== 'publish') {
        onDone('Nothing to publish: the policy and catalog are the same as the latest version.')
        return
      }
      if (!summaryFr.trim())
        throw new PublishError(
          'Write what changed, in French at least: visitors read it in the version history.',
        )
      await client.transaction().create(plan.document).commit({ visibility: 'sync' })
      onDone(
        `Version ${plan.document.version} published, in force from ${plan.document.effectiveFrom}.`,
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
  }, [client, loaded, effectiveFrom, requiresNewConsent, summaryFr, summaryEn, onDone])

  if (error && !loaded) {
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
    <Stack space={4} padding={4}>
      <Text size={1}>
        Version {loaded.plan.document.version} will be created from the policy text and the catalog
        as they are published now. It cannot be edited afterwards: a mistake is corrected by
        publishing another version.
      </Text>
      <ChangesSummary diff={loaded.plan.diff} />
      <Stack space={2}>
        <Label as="label" {...{ htmlFor: 'effective-from' }}>
          In force from (Paris time)
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
      <Stack space={2}>
        <Label as="label" {...{ htmlFor: 'summary-fr' }}>
          What changed (français, binding)
        </Label>
        <TextArea
          id="summary-fr"
          rows={3}
          value={summaryFr}
          onChange={(event) => setSummaryFr(event.currentTarget.value)}
        />
      </Stack>
      <Stack space={2}>
        <Label as="label" {...{ htmlFor: 'summary-en' }}>
          What changed (English)
        </Label>
        <TextArea
          id="summary-en"
          rows={3}
          value={summaryEn}
          onChange={(event) => setSummaryEn(event.currentTarget.value)}
        />
      </Stack>
      <Flex align="flex-start" gap={3}>
        <Checkbox
          id="requires-new-consent"
          checked={requiresNewConsent}
          onChange={(event) => setRequiresNewConsent(event.currentTarget.checked)}
        />
        <Box flex={1}>
          <Stack space={2}>
            <Label as="label" {...{ htmlFor: 'requires-new-consent' }}>
              Ask every visitor for consent again when this version takes effect
            </Label>
            <Text size={1} muted>
              {loaded.plan.suggestedRequiresNewConsent
                ? 'Suggested: a cookie or category that visitors can refuse was added, or a purpose changed.'
                : 'Not suggested: no refusable cookie or purpose was added or changed.'}
            </Text>
          </Stack>
        </Box>
      </Flex>
      {error ? (
        <Card padding={3} tone="critical" radius={2}>
          <Text size={1}>{error}</Text>
        </Card>
      ) : null}
      <Button
        text={`Publish version ${loaded.plan.document.version}`}
        tone="positive"
        icon={CalendarIcon}
        loading={busy}
        onClick={publish}
      />
    </Stack>
  )
}

export const PublishVersionAction: DocumentActionComponent = (props: DocumentActionProps) => {
  const [open, setOpen] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const published = props.published as unknown as EditedPolicy | null
  return {
    label: 'Publish a new version',
    icon: CalendarIcon,
    disabled: !published || Boolean(props.draft),
    title: !published
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
          ) : published ? (
            <PublishDialog policy={published} onDone={setMessage} />
          ) : null,
        }
      : null,
  }
}
