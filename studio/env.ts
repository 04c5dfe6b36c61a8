// The Studio's configuration, read once. Sanity exposes SANITY_STUDIO_* variables to the Studio bundle.
// Without a project the Studio runs in local mode: on the dataset file the site reads, through the local
// Content Lake that `sanity dev` serves (studio/local/), with no account and no network.
import { LOCAL_DATASET, LOCAL_PROJECT_ID } from './local/constants'

export const localMode = !process.env.SANITY_STUDIO_PROJECT_ID
export const projectId = process.env.SANITY_STUDIO_PROJECT_ID || LOCAL_PROJECT_ID
export const dataset = localMode ? LOCAL_DATASET : process.env.SANITY_STUDIO_DATASET || 'production'
/** The public site, for "Open preview" on a policy. */
export const previewUrl = process.env.SANITY_STUDIO_PREVIEW_URL || undefined
/** The public site, whose consent counts the publish dialog shows; default: the preview's. */
export const siteUrl = process.env.SANITY_STUDIO_SITE_URL || previewUrl
