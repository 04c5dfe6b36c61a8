// The browser half of the local Content Lake's listener channels (see Channels in http.ts). A browser opens
// at most six HTTP/1.1 connections to a host and the Studio keeps a dozen listeners open: against the Content
// Lake they share one HTTP/2 connection, against the dev server they would leave no connection for queries.
// In local mode, the EventSource the Studio's client opens for a listener of the local lake is a stand-in
// that receives its events through one shared stream; every other EventSource is the browser's own.
const CONNECTING = 0
const OPEN = 1
const CLOSED = 2

class ListenerChannel {
  /** The channel's id once the server has opened it; a new one after the stream drops and comes back. */
  #id!: Promise<string>
  #resolve!: (id: string) => void
  #connected = false
  #listeners = new Map<string, ChannelEventSource>()
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

  async #start(listener: ChannelEventSource): Promise<void> {
    const channel = await this.#id
    if (!this.#listeners.has(listener.key) || this.#started.get(listener.key)?.channel === channel)
      return
    const accepted = fetch(`${this.base}/channel/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ listener: listener.key, url: listener.url }),
    }).then(
      (response) => {
        if (response.ok) return true
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

  add(listener: ChannelEventSource): void {
    this.#listeners.set(listener.key, listener)
    void this.#start(listener)
  }

  remove(listener: ChannelEventSource): void {
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

/** What @sanity/client uses of an EventSource: events by name, `error`, `readyState`, `close()`. */
class ChannelEventSource extends EventTarget {
  readonly CONNECTING = CONNECTING
  readonly OPEN = OPEN
  readonly CLOSED = CLOSED
  readonly withCredentials = false
  readonly key = `l${++listenerCount}`
  readyState = CONNECTING
  onopen: ((event: Event) => void) | null = null
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: Event) => void) | null = null

  constructor(
    readonly url: string,
    private readonly channel: ListenerChannel,
  ) {
    super()
    channel.add(this)
  }

  deliver(name: string, data: unknown, eventId?: string): void {
    if (this.readyState === CLOSED) return
    if (this.readyState === CONNECTING) {
      this.readyState = OPEN
      const open = new Event('open')
      this.dispatchEvent(open)
      this.onopen?.(open)
    }
    const event = new MessageEvent(name, { data: JSON.stringify(data), lastEventId: eventId ?? '' })
    this.dispatchEvent(event)
    if (name === 'message') this.onmessage?.(event)
  }

  /** The server refused the listener: an error with its status, which @sanity/client reports. */
  failed(status: number): void {
    if (this.readyState === CLOSED) return
    this.readyState = CLOSED
    const error = Object.assign(new Event('error'), { status })
    this.dispatchEvent(error)
    this.onerror?.(error)
  }

  interrupted(): void {
    if (this.readyState === CLOSED) return
    this.readyState = CONNECTING
    const error = new Event('error')
    this.dispatchEvent(error)
    this.onerror?.(error)
  }

  close(): void {
    if (this.readyState === CLOSED) return
    this.readyState = CLOSED
    this.channel.remove(this)
  }
}

/** Makes the listeners of the local lake at `base` (an absolute URL) share one stream. */
export function shareListenerConnections(base: string): void {
  const Native = globalThis.EventSource
  if (!Native || (Native as { sharesLocalListeners?: boolean }).sharesLocalListeners) return
  let channel: ListenerChannel | null = null
  const isLakeListener = (url: string) =>
    url.startsWith(`${base}/`) && url.includes('/data/listen/')
  class SharingEventSource extends Native {
    static sharesLocalListeners = true
    constructor(url: string | URL, init?: EventSourceInit) {
      const href = new URL(url, globalThis.location?.href).href
      if (isLakeListener(href)) {
        channel ??= new ListenerChannel(base, Native)
        // A constructor may return another object: the Studio's client gets the stand-in.
        return new ChannelEventSource(href, channel) as unknown as SharingEventSource
      }
      super(href, init)
    }
  }
  globalThis.EventSource = SharingEventSource
}
