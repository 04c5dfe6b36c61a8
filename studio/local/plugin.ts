// Local mode's server half: a Vite plugin that makes `sanity dev` answer as the Content Lake, on the Studio's
// own origin, from the dataset file the site reads. Loaded by sanity.cli.ts only when no project is set.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { resolve } from 'node:path'
import { policyDatasetFile } from '@cookie-policy/schemas/node'
import { LOCAL_API_PATH } from './constants'
import { lakeHandler, refusalOf } from './http'
import { LocalLake } from './lake'
import { acceptPresenceSocket } from './presence'

/** The part of Vite's dev server the plugin uses (Vite is the Sanity CLI's, not a dependency of ours). */
interface DevServer {
  middlewares: {
    use(path: string, handler: (request: IncomingMessage, response: ServerResponse) => void): void
  }
  config: {
    logger: { info(message: string): void; warn(message: string): void }
    server: { allowedHosts?: string[] | true }
  }
  httpServer: {
    on(event: 'upgrade', listener: (request: IncomingMessage, socket: Duplex) => void): void
  } | null
}

/** The plugin, on the site's dataset (the Sanity CLI runs in studio/, inside the repository). */
export function localContentLake(file = policyDatasetFile(resolve(process.cwd(), '..'))) {
  return {
    name: 'cookie-policy:local-content-lake',
    // Sanity's dashboard bridge lets a Studio run inside sanity.io's dashboard; a local Studio never does.
    transformIndexHtml: (html: string) =>
      html.replace(
        /<script[^>]*src="https:\/\/core\.sanity-cdn\.com\/bridge\.js"[^>]*><\/script>/,
        '',
      ),
    configureServer(server: DevServer) {
      const { logger } = server.config
      // Each refusal is logged once: the Studio retries some requests every few seconds. (The set of lines
      // is emptied if it ever grows large: a line may then show again.)
      const logged = new Set<string>()
      const log = (line: string) => {
        if (logged.has(line)) return
        if (logged.size >= 1000) logged.clear()
        logged.add(line)
        logger.warn(`local content lake: ${line} (logged once)`)
      }
      const lake = new LocalLake(file, (line) => logger.info(`local content lake: ${line}`))
      logger.info(
        `local content lake: no Sanity project set (SANITY_STUDIO_PROJECT_ID), editing ${file}`,
      )
      const allowed = server.config.server.allowedHosts
      const allowedHosts = Array.isArray(allowed) ? allowed : []
      server.middlewares.use(LOCAL_API_PATH, lakeHandler(lake, log, allowedHosts))
      // Another program's change to the file (an import) reaches open Studios within a second.
      const watch = setInterval(() => {
        try {
          lake.refresh()
        } catch (error) {
          log((error as Error).message)
        }
      }, 1000)
      watch.unref()
      server.httpServer?.on('upgrade', (request, socket) => {
        if (!request.url?.startsWith(`${LOCAL_API_PATH}/`)) return
        const refusal = refusalOf(request, allowedHosts)
        if (refusal === null) return acceptPresenceSocket(request, socket, log)
        log(`refused a presence socket: ${refusal}`)
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      })
    },
  }
}
