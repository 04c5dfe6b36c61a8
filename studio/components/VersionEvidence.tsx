// A published version's evidence: the newest scan of the sites checked against it (`npm run monitor` or
// `npm run scan-cookies -- --to-studio`), what it promised and whether the sites kept it.
import { Badge, Box, Card, Flex, Spinner, Stack, Text } from '@sanity/ui'
import { useEffect, useState } from 'react'
import { useClient } from 'sanity'
import type { UserViewComponent } from 'sanity/structure'
import { SANITY_API_VERSION } from '@cookie-policy/schemas/apiVersion'
import { versionEvidenceQuery, type QueryResult } from '@cookie-policy/schemas/queries'
import { useStudioWords } from '../words'

type Evidence = QueryResult<typeof versionEvidenceQuery>

/** What the version promised, by the scan report's fields (their titles name them). */
const PROMISES = [
  'rejectHonoured',
  'gpcHonoured',
  'withdrawalHonoured',
  'nothingUndeclared',
] as const

export const VersionEvidence: UserViewComponent = ({ document }) => {
  const version = document.displayed as { policy?: { _ref?: string }; version?: number }
  const client = useClient({ apiVersion: SANITY_API_VERSION })
  const { t } = useStudioWords()
  const [evidence, setEvidence] = useState<Evidence | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const policyId = version.policy?._ref
  const number = version.version
  useEffect(() => {
    if (!policyId || number === undefined) return
    let cancelled = false
    client.fetch(versionEvidenceQuery, { policyId, version: number }).then(
      (found) => !cancelled && setEvidence(found),
      (caught: Error) => !cancelled && setError(caught.message),
    )
    return () => {
      cancelled = true
    }
  }, [client, policyId, number])
  if (error)
    return (
      <Card padding={4} tone="critical">
        <Text>{t('evidence.error', { error })}</Text>
      </Card>
    )
  if (evidence === undefined)
    return (
      <Flex padding={4} justify="center">
        <Spinner />
      </Flex>
    )
  if (evidence === null)
    return (
      <Box padding={4}>
        <Text>{t('evidence.none', { version: number ?? '?' })}</Text>
      </Box>
    )
  return (
    <Stack gap={4} padding={4} data-testid="version-evidence">
      <Text weight="semibold">
        {t('evidence.scanned', {
          date: evidence.scannedAt?.slice(0, 16).replace('T', ' ') ?? '?',
          urls: (evidence.urls ?? []).join(', '),
        })}
      </Text>
      <Flex gap={2} wrap="wrap">
        {PROMISES.map((field) => {
          const value = evidence[field]
          return (
            <Badge
              key={field}
              tone={value === true ? 'positive' : value === false ? 'critical' : 'default'}
            >
              {t(`scanReport.${field}`)}:{' '}
              {t(
                value === true
                  ? 'evidence.yes'
                  : value === false
                    ? 'evidence.no'
                    : 'evidence.notChecked',
              )}
            </Badge>
          )
        })}
      </Flex>
      {(evidence.findings ?? []).length ? (
        <Stack gap={3}>
          <Text size={1} weight="semibold">
            {t('evidence.failed', { count: evidence.findings!.length })}
          </Text>
          {evidence.findings!.map((finding) => (
            <Text size={1} key={finding._key}>
              {finding.name} {finding.domain ? `(${finding.domain})` : ''} · {finding.phase}:{' '}
              {finding.reason}
            </Text>
          ))}
        </Stack>
      ) : (
        <Text size={1}>{t('evidence.nothingFailed')}</Text>
      )}
    </Stack>
  )
}
