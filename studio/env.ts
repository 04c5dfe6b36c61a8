// The Studio's configuration, read once. Sanity exposes SANITY_STUDIO_* variables to the Studio bundle.
// Without a project the Studio still builds (and the schema tools run) against a placeholder id.
export const projectId = process.env.SANITY_STUDIO_PROJECT_ID || 'unconfigured'
export const dataset = process.env.SANITY_STUDIO_DATASET || 'production'
/** The public site, for "Open preview" on a policy. */
export const previewUrl = process.env.SANITY_STUDIO_PREVIEW_URL || undefined
