// The Studio for legal editors: the content model from schemas/, the structure, publishing versions, GROQ.
import { schemaTypesIn } from '@cookie-policy/schemas/types'
import { visionTool } from '@sanity/vision'
import { defineConfig } from 'sanity'
import { structureTool } from 'sanity/structure'
import { SANITY_API_VERSION } from '@cookie-policy/schemas/apiVersion'
import { DEFAULT_BINDING_LANGUAGE } from '@cookie-policy/schemas/model'
import { PublishVersionAction } from './actions/publishVersion'
import { VersionEvidence } from './components/VersionEvidence'
import { createPreviewSecret } from '@sanity/preview-url-secret/create-secret'
import {
  urlSearchParamPreviewPathname,
  urlSearchParamPreviewSecret,
} from '@sanity/preview-url-secret/constants'
import { dataset, localMode, previewUrl, projectId } from './env'
import { editorLanguages, startLanguage } from './i18n'
import { STUDIO_NAMESPACE, setStudioLanguage, studioText } from '@cookie-policy/schemas/studioWords'
import { localAuthStore } from './local/client'
import { structure } from './structure'

/** A published version is what visitors were told: it is never edited, unpublished or deleted. */
const LOCKED_VERSION_ACTIONS = new Set([
  'delete',
  'duplicate',
  'unpublish',
  'discardChanges',
  'restore',
])

/** The editor's language: the schema's own words, the previews and the checks speak it from the start. */
const language = startLanguage()
setStudioLanguage(language)

export default defineConfig({
  name: 'default',
  title: studioText(language, 'structure.title'),
  projectId,
  dataset,
  // Local mode: signed in as the local editor, on the local Content Lake. Features that live in Sanity's
  // cloud (tasks, comments, releases, scheduling, announcements) are off there; a project has them as usual.
  ...(localMode
    ? {
        auth: localAuthStore(),
        tasks: { enabled: false },
        releases: { enabled: false },
        scheduledPublishing: { enabled: false },
        scheduledDrafts: { enabled: false },
        announcements: { enabled: false },
        // Sanity 6 searches with groq2024 (text::matchQuery), which groq-js, behind the local lake, cannot run.
        search: { strategy: 'groqLegacy' as const },
      }
    : {}),
  plugins: [
    editorLanguages(),
    structureTool({
      title: studioText(language, 'structure.tool'),
      structure,
      // A published version shows, beside its fields, the newest scan of the sites checked against it.
      defaultDocumentNode: (S, { schemaType, i18n }) =>
        schemaType === 'policyVersion'
          ? S.document().views([
              S.view.form(),
              S.view
                .component(VersionEvidence)
                // Its own id: the title makes one otherwise, and an address would change with the language.
                .id('evidence')
                .title(i18n.t('structure.evidence', { ns: STUDIO_NAMESPACE })),
            ])
          : S.document(),
    }),
    visionTool({ defaultApiVersion: SANITY_API_VERSION }),
  ],
  schema: {
    types: schemaTypesIn(language),
    templates: (previous) => [
      // Versions are created by the "Publish a new version" action only.
      ...previous.filter((template) => template.schemaType !== 'policyVersion'),
      {
        id: 'cookie-in-category',
        title: studioText(language, 'template.cookieInCategory'),
        i18n: { title: { key: 'template.cookieInCategory', ns: STUDIO_NAMESPACE } },
        schemaType: 'cookie',
        parameters: [{ name: 'categoryId', type: 'string' }],
        value: ({ categoryId }: { categoryId: string }) => ({
          category: { _type: 'reference', _ref: categoryId },
          retention: { _type: 'retention', kind: 'duration' },
        }),
      },
    ],
  },
  document: {
    ...(localMode ? { comments: { enabled: false } } : {}),
    actions: (previous, context) => {
      if (context.schemaType === 'policy') return [...previous, PublishVersionAction]
      if (context.schemaType === 'policyVersion')
        return previous.filter((action) => !LOCKED_VERSION_ACTIONS.has(action.action ?? ''))
      return previous
    },
    newDocumentOptions: (previous) =>
      previous.filter((item) => item.templateId !== 'policyVersion'),
    // "Open preview" on a policy: the site's draft mode, showing the next version as it would be published.
    // The link carries a short-lived secret created for the signed-in editor (Sanity's preview-url-secret);
    // the site checks it with its read token. No secret is part of the Studio's code.
    productionUrl: async (previous, { document, getClient, currentUser }) => {
      const slug = (document.slug as { current?: string } | undefined)?.current
      if (!previewUrl || !slug) return previous
      const lang =
        typeof document.bindingLanguage === 'string'
          ? document.bindingLanguage
          : DEFAULT_BINDING_LANGUAGE
      const { secret } = await createPreviewSecret(
        getClient({ apiVersion: SANITY_API_VERSION }),
        'cookie-policy-studio',
        window.location.href,
        currentUser?.id,
      )
      const target = new URL('/api/draft-mode/enable', previewUrl)
      target.searchParams.set(urlSearchParamPreviewSecret, secret)
      target.searchParams.set(urlSearchParamPreviewPathname, `/${lang}/${slug}`)
      return target.href
    },
  },
})
