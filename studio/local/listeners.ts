// The browser half of the local Content Lake's listener channels (see Channels in http.ts). A browser opens
// at most six HTTP/1.1 connections to a host and the Studio keeps a dozen listeners open: against the Content
// Lake they share one HTTP/2 connection, against the dev server they would leave no connection for queries.
// In local mode, the fetch the Studio's client (@sanity/client 8, through the `eventsource` package) makes
// for a listener of the local lake is answered from one shared stream; every other fetch is the browser's.
import { LOCAL_PROJECT_ID } from './constants'

const CLOSED = 2
/** Where Sanity's API answers for the local mode's project id, and what the local lake stands in for. */
const PROJECT_HOST = `https://${LOCAL_PROJECT_ID}.api.sanity.io/`

class ListenerChannel {
  /** The channel's id once the server has opened it; a new one after the stream drops and comes back. */
  #id!: Promise<string>
  #resolve!: (id: string) => void
  #connected = false
  #listeners = new Map<string, ChannelListener>()
  /** Each listener started: the channel it was started on, and whether the server accepted it. */
  #started = new Map<string, { channel: string; accepted: Promise<boolean> }>()

  constructor(
    private readonly base: string,
    private readonly Native: typeof EventSource,
  ) {
    this.#renew()
    this.#open()
  }

  #open(): void {
    const source = new this.Native(`${this.base}/channel`)
    source.addEventListener('ready', (event) => {
      const { channel } = JSON.parse((event as MessageEvent<string>).data) as { channel: string }
      this.#connected = true
      this.#resolve(channel)
      for (const listener of this.#listeners.values()) void this.#start(listener)
    })
    source.addEventListener('listener', (event) => {
      const { listener, name, data, eventId } = JSON.parse(
        (event as MessageEvent<string>).data,
      ) as { listener: string; name: string; data: unknown; eventId?: string }
      this.#listeners.get(listener)?.deliver(name, data, eventId)
    })
    source.addEventListener('error', () => {
      // The dev server stopped or restarted: listeners hear "reconnect", then a new welcome.
      if (this.#connected) {
        this.#connected = false
        this.#renew()
        this.#started.clear()
        for (const listener of this.#listeners.values()) listener.interrupted()
      }
      // A browser gives up on a stream answered with an error: a new one is opened a little later.
      if (source.readyState === CLOSED) setTimeout(() => this.#open(), 2000)
    })
  }

  #renew(): void {
    this.#id = new Promise((resolve) => (this.#resolve = resolve))
  }

  async #start(listener: ChannelListener): Promise<void> {
    const channel = await this.#id
    if (!this.#listeners.has(listener.key) || this.#started.get(listener.key)?.channel === channel)
      return
    const accepted = fetch(`${this.base}/channel/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ listener: listener.key, url: listener.url }),
    }).then(
      (response) => {
        if (response.ok) {
          listener.accepted()
          return true
        }
        this.#started.delete(listener.key)
        // A channel the server no longer knows comes back with the stream; anything else is the
        // listener's own failure (a query the lake refuses), which the Studio reports.
        if (response.status !== 404) listener.failed(response.status)
        return false
      },
      () => {
        this.#started.delete(listener.key)
        return false
      },
    )
    this.#started.set(listener.key, { channel, accepted })
  }

  add(listener: ChannelListener): void {
    this.#listeners.set(listener.key, listener)
    void this.#start(listener)
  }

  remove(listener: ChannelListener): void {
    this.#listeners.delete(listener.key)
    const started = this.#started.get(listener.key)
    this.#started.delete(listener.key)
    // Stopped once started: a stop that overtook its start would leave the listener running.
    void started?.accepted.then((accepted) =>
      accepted
        ? fetch(`${this.base}/channel/${started.channel}/${listener.key}`, {
            method: 'DELETE',
          }).catch(() => undefined)
        : undefined,
    )
  }
}

let listenerCount = 0

/**
 * One listener of the Studio, as @sanity/client 8 opens it: a fetch whose answer is a stream of server-sent
 * events (read by the `eventsource` package). Here the answer's body is fed from the shared channel.
 */
class ChannelListener {
  readonly key = `l${++listenerCount}`
  #controller: ReadableStreamDefaultController<Uint8Array> | null = null
  #encoder = new TextEncoder()
  #answered: (response: Response) => void = () => {}
  /** Events arrive as soon as the server starts the listener, maybe before its start is answered: kept here. */
  readonly #body = new ReadableStream<Uint8Array>({
    start: (controller) => {
      this.#controller = controller
    },
    cancel: () => this.close(),
  })
  readonly response: Promise<Response>

  constructor(
    readonly url: string,
    private readonly channel: ListenerChannel,
    signal: AbortSignal | null | undefined,
  ) {
    this.response = new Promise((resolve) => (this.#answered = resolve))
    signal?.addEventListener('abort', () => this.close())
    channel.add(this)
  }

  /** The server started it: the answer is the stream of its events. */
  accepted(): void {
    this.#answered(
      new Response(this.#body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    )
  }

  deliver(name: string, data: unknown, eventId?: string): void {
    const id = eventId ? `id: ${eventId}\n` : ''
    this.#controller?.enqueue(
      this.#encoder.encode(`event: ${name}\n${id}data: ${JSON.stringify(data)}\n\n`),
    )
  }

  /** The server refused the listener: the answer carries its status, which @sanity/client reports. */
  failed(status: number): void {
    this.#answered(new Response(null, { status }))
    this.channel.remove(this)
  }

  /** The shared stream dropped: this one ends, and the client's EventSource reconnects with a new fetch. */
  interrupted(): void {
    this.close()
  }

  close(): void {
    this.channel.remove(this)
    try {
      this.#controller?.close()
    } catch {
      // Already closed or cancelled.
    }
    this.#controller = null
  }
}

/** Makes the listeners of the local lake at `base` (an absolute URL) share one stream. */
export function shareListenerConnections(base: string): void {
  const native = globalThis.fetch as typeof fetch & { sharesLocalListeners?: boolean }
  if (!native || native.sharesLocalListeners || typeof EventSource === 'undefined') return
  let channel: ListenerChannel | null = null
  const isLakeListener = (url: string) =>
    url.startsWith(`${base}/`) && url.includes('/data/listen/')
  const sharing = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input)
    const href = new URL(url, globalThis.location?.href).href
    // The Studio's SDK layer asks the project's own host for the signed-in user, outside the workspace's
    // client: in local mode the local lake answers it, and nothing leaves the machine.
    if (href.startsWith(PROJECT_HOST)) {
      const local = `${base}${href.slice(PROJECT_HOST.length - 1)}`
      return native.call(
        globalThis,
        input instanceof Request ? new Request(local, input) : local,
        init,
      )
    }
    if (!isLakeListener(href)) return native.call(globalThis, input, init)
    channel ??= new ListenerChannel(base, EventSource)
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
    return new ChannelListener(href, channel, signal).response
  }
  globalThis.fetch = Object.assign(sharing, { sharesLocalListeners: true }) as typeof fetch
}
