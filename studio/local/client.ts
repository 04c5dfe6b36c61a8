// Local mode's browser half: the Studio signed in as the local editor, its client pointed at the local
// Content Lake the dev server answers on the same origin. No account, no login, no request leaves the machine.
import { createClient } from '@sanity/client'
import { createMockAuthStore } from 'sanity'
import { SANITY_API_VERSION } from '@cookie-policy/schemas/apiVersion'
import { LOCAL_API_PATH, LOCAL_DATASET, LOCAL_EDITOR, LOCAL_PROJECT_ID } from './constants'
import { shareListenerConnections } from './listeners'

export function localAuthStore() {
  // The configuration is also read outside a browser (schema extraction): any origin will do there.
  const origin = typeof window === 'undefined' ? 'http://localhost:3333' : window.location.origin
  const apiHost = `${origin}${LOCAL_API_PATH}`
  shareListenerConnections(apiHost)
  const client = createClient({
    projectId: LOCAL_PROJECT_ID,
    dataset: LOCAL_DATASET,
    apiHost,
    useProjectHostname: false,
    apiVersion: SANITY_API_VERSION,
    useCdn: false,
    withCredentials: false,
    // As Sanity's own signed-in client: every document, drafts included, unless a query asks otherwise.
    perspective: 'raw',
    requestTagPrefix: 'sanity.studio',
  })
  // The Studio warns when its API answers over HTTP/1.1 (slow against Sanity's cloud). Here the API is the
  // dev server on this machine, which speaks HTTP/1.1: the warning is snoozed, as its own button would.
  if (typeof sessionStorage !== 'undefined')
    sessionStorage.setItem('sanity-studio.network.check.snooze', new Date().toISOString())
  return createMockAuthStore({ client, currentUser: LOCAL_EDITOR })
}
