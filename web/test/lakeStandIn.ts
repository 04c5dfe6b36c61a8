// A loopback stand-in for the Content Lake, as the site's @sanity/client uses it: GROQ queries (groq-js over
// a list of documents, drafts hidden from the published perspective) and the Live Content API's event stream.
// `publish` replaces the documents and tells every listener, as a publish in the Studio does.
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { evaluate, parse } from 'groq-js'

export interface LakeStandIn {
  url: string
  /** Every query's address, in order (to see `lastLiveEventId`). */
  queries: URL[]
  publish: (documents: Record<string, unknown>[]) => void
  close: () => Promise<void>
}

export async function startLakeStandIn(
  initial: Record<string, unknown>[],
  port = 0,
): Promise<LakeStandIn> {
  let documents = initial
  let eventNumber = 0
  const listeners = new Set<ServerResponse>()
  const queries: URL[] = []
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://lake')
    if (/\/data\/live\/events\//.test(url.pathname)) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      })
      response.write('event: welcome\ndata: {}\n\n')
      listeners.add(response)
      request.on('close', () => listeners.delete(response))
      return
    }
    if (url.pathname.endsWith('/check/cors')) {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end('{"result":{"allowed":true}}')
      return
    }
    if (!/\/data\/query\//.test(url.pathname)) {
      response.writeHead(404).end()
      return
    }
    queries.push(url)
    const query = url.searchParams.get('query') ?? ''
    const params = Object.fromEntries(
      [...url.searchParams]
        .filter(([key]) => key.startsWith('$'))
        .map(([key, value]) => [key.slice(1), JSON.parse(value)]),
    )
    const dataset =
      url.searchParams.get('perspective') === 'published'
        ? documents.filter((document) => !String(document._id).startsWith('drafts.'))
        : documents
    void (async () => {
      const value = await evaluate(parse(query, { params }), { dataset, params })
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify({ result: await value.get(), ms: 1 }))
    })()
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    queries,
    publish: (next) => {
      documents = next
      eventNumber++
      for (const listener of listeners)
        listener.write(`id: event-${eventNumber}\nevent: message\ndata: {"tags":["s1:all"]}\n\n`)
    },
    close: () =>
      new Promise((resolve) => {
        for (const listener of listeners) listener.end()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
