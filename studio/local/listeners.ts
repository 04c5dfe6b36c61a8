// The browser half of the local Content Lake's listener channels (see Channels in http.ts). A browser opens
// at most six HTTP/1.1 connections to a host and the Studio keeps a dozen listeners open: against the Content
// Lake they share one HTTP/2 connection, against the dev server they would leave no connection for queries.
// In local mode, the EventSource the Studio's client opens for a listener of the local lake is a stand-in
// that receives its events through one shared stream; every other EventSource is the browser's own.
const CONNECTING = 0
const OPEN = 1
const CLOSED = 2

class ListenerChannel {
  /** The channel's id once the server has opened it; renewed after the stream drops and comes back. */
  #id!: Promise<string>
  #resolve!: (id: string) => void
  #listeners = new Map<string, ChannelEventSource>()
  /** The channel each listener was started on: after a reconnection, each is started again on the new one. */
  #startedOn = new Map<string, string>()

  constructor(
    private readonly base: string,
    Native: typeof EventSource,
  ) {
    this.#renew()
    const source = new Native(`${base}/channel`)
    source.addEventListener('ready', (event) => {
      const { channel } = JSON.parse((event as MessageEvent<string>).data) as { channel: string }
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
      this.#renew()
      this.#startedOn.clear()
      for (const listener of this.#listeners.values()) listener.interrupted()
    })
  }

  #renew(): void {
    this.#id = new Promise((resolve) => (this.#resolve = resolve))
  }

  async #start(listener: ChannelEventSource): Promise<void> {
    const channel = await this.#id
    if (this.#startedOn.get(listener.key) === channel || !this.#listeners.has(listener.key)) return
    this.#startedOn.set(listener.key, channel)
    await fetch(`${this.base}/channel/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ listener: listener.key, url: listener.url }),
    })
  }

  add(listener: ChannelEventSource): void {
    this.#listeners.set(listener.key, listener)
    void this.#start(listener)
  }

  remove(listener: ChannelEventSource): void {
    this.#listeners.delete(listener.key)
    const channel = this.#startedOn.get(listener.key)
    this.#startedOn.delete(listener.key)
    if (channel)
      void fetch(`${this.base}/channel/${channel}/${listener.key}`, { method: 'DELETE' }).catch(
        () => undefined,
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
