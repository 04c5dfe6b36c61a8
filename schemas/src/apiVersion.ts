// The Content Lake API version every client of this project uses (Studio validation, scripts, the site).
export const SANITY_API_VERSION = '2025-02-19'
