// Sanity CLI settings: the project, no automatic Studio updates, and typegen over the shared queries.
import { defineCliConfig } from 'sanity/cli'
import { dataset, projectId } from './env'

export default defineCliConfig({
  api: { projectId, dataset },
  deployment: { autoUpdates: false },
  typegen: {
    path: '../schemas/src/queries.ts',
    schema: '../schemas/schema.json',
    generates: '../schemas/src/sanity.types.ts',
  },
})
