// The Studio for legal editors: the content model from schemas/, the structure and the GROQ playground.
import { schemaTypes } from '@cookie-policy/schemas/types'
import { visionTool } from '@sanity/vision'
import { defineConfig } from 'sanity'
import { structureTool } from 'sanity/structure'
import { dataset, projectId } from './env'

export default defineConfig({
  name: 'default',
  title: 'Cookie policy',
  projectId,
  dataset,
  plugins: [structureTool(), visionTool({ defaultApiVersion: '2025-01-01' })],
  schema: { types: schemaTypes },
})
