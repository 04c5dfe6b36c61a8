// What the local mode's two halves agree on: the Studio in the browser and the local Content Lake in the dev
// server. The project id and dataset of local mode, where the lake answers, and the one editor it knows.
export const LOCAL_PROJECT_ID = 'local'
export const LOCAL_DATASET = 'production'
/** The path, on the Studio's own origin, where the dev server answers as the Content Lake's API would. */
export const LOCAL_API_PATH = '/local-content-lake'

export const LOCAL_EDITOR = {
  id: 'local-editor',
  name: 'Local editor',
  email: 'editor@localhost',
  role: 'administrator',
  roles: [{ name: 'administrator', title: 'Administrator' }],
}
