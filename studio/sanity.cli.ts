// Sanity CLI settings: the project (or local mode), no automatic Studio updates, typegen over the shared queries.
import { defineCliConfig } from 'sanity/cli'
import { dataset, localMode, projectId } from './env'

export default defineCliConfig({
  api: { projectId, dataset },
  deployment: { autoUpdates: false },
  // Local mode: `sanity dev` also answers as the Content Lake, from the dataset file the site reads.
  vite: async (config, { command }) => {
    if (!localMode || command !== 'serve') return config
    const { localContentLake } = await import('./local/plugin')
    return { ...config, plugins: [...(config.plugins ?? []), localContentLake()] }
  },
  typegen: {
    path: '../schemas/src/queries.ts',
    schema: '../schemas/schema.json',
    generates: '../schemas/src/sanity.types.ts',
  },
})
