// The scanner's guard: Chromium reaches the web only through this proxy, which resolves each host itself,
// refuses loopback, link-local and private addresses (except the scanned site's own, on its own port), and
// connects to the address it checked, so that neither a redirect nor a name that resolves again differently
// (DNS rebinding) takes a scanned page into the scanner's network.
import { lookup } from 'node:dns/promises'
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'
import { BlockList, connect, isIP, type AddressInfo, type Socket } from 'node:net'

/** Loopback, link-local, private and other addresses no public site should make a browser reach. */
const PRIVATE = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::1', 128],
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6')

/** The IPv4 address an IPv6 one carries: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16). */
function embeddedIpv4(address: string): string | null {
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
  if (dotted) return dotted
  const groups = expandIpv6(address)
  if (!groups) return null
  const quad = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join('.')
  const [a, b, , , , f, g, h] = groups
  if (groups.slice(0, 5).every((group) => group === 0) && f === 0xffff) return quad(g!, h!)
  if (a === 0x64 && b === 0xff9b) return quad(g!, h!)
  if (a === 0x2002) return quad(b!, groups[2]!)
  return null
}

function expandIpv6(address: string): number[] | null {
  if (isIP(address) !== 6 || address.includes('.')) return null
  const [head = '', tail = ''] = address.split('::')
  const parts = (text: string) => (text ? text.split(':').map((group) => parseInt(group, 16)) : [])
  const [left, right] = [parts(head), parts(tail)]
  const fill = address.includes('::') ? 8 - left.length - right.length : 0
  return [...left, ...Array<number>(fill).fill(0), ...right]
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 4) return PRIVATE.check(address, 'ipv4')
  if (family !== 6) return false
  const inner = embeddedIpv4(address)
  return PRIVATE.check(address, 'ipv6') || (inner !== null && PRIVATE.check(inner, 'ipv4'))
}

/** The address a host is reached at: an IP as it is, "*.localhost" on loopback (RFC 6761), else DNS. */
export async function resolveHost(host: string): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (isIP(bare)) return bare
  if (bare === 'localhost' || bare.endsWith('.localhost')) return '127.0.0.1'
  return (await lookup(bare)).address
}

const portOf = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80')

export interface Refusal {
  url: string
  reason: string
}

export interface Guard {
  /** For Chromium's --proxy-server. */
  server: string
  close: () => Promise<void>
}

/**
 * Starts the guard for a scan of `urls`: a scanned address that is itself private (a test site) may be
 * reached at that address and port, under any of its names; every other private address is refused.
 */
export async function startGuard(
  urls: string[],
  refused: (refusal: Refusal) => void,
  /** An address that was allowed but could not be reached (refused, timed out): said with the page. */
  failed: (url: string, reason: string) => void = () => undefined,
): Promise<Guard> {
  // Exactly the scanned site's own address and port: not every private address on that port.
  const own = new Set<string>()
  for (const url of urls.map((text) => new URL(text))) {
    const address = await resolveHost(url.hostname).catch(() => '')
    if (isPrivateAddress(address)) own.add(`${address}|${portOf(url)}`)
  }

  /** The address to connect to, or null (refused, and said why). */
  async function allowed(url: string, host: string, port: string): Promise<string | null> {
    let address: string
    try {
      address = await resolveHost(host)
    } catch {
      return null
    }
    if (isPrivateAddress(address) && !own.has(`${address}|${port}`)) {
      refused({
        url,
        reason: `${host}${port ? `:${port}` : ''} is a loopback, link-local or private address: a scanned page may not reach the scanner's network`,
      })
      return null
    }
    return address
  }

  const sockets = new Set<Socket>()
  const server = createServer(async (incoming: IncomingMessage, outgoing) => {
    let url: URL
    try {
      url = new URL(incoming.url ?? '')
    } catch {
      outgoing.writeHead(400).end()
      return
    }
    const address = await allowed(url.href, url.hostname, portOf(url))
    if (!address) {
      outgoing.writeHead(403, { 'Content-Type': 'text/plain' }).end('Blocked by the scanner')
      return
    }
    const upstream = httpRequest(
      {
        host: address,
        port: portOf(url),
        method: incoming.method,
        path: `${url.pathname}${url.search}`,
        headers: incoming.headers,
        agent: false,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders)
        answer.pipe(outgoing)
      },
    )
    upstream.on('error', (error) => {
      failed(url.href, error.message)
      if (outgoing.headersSent) outgoing.destroy()
      else outgoing.writeHead(502, { 'Content-Type': 'text/plain' }).end(error.message)
    })
    incoming.pipe(upstream)
  })
  // https and wss: a tunnel to the checked address.
  server.on('connect', async (incoming: IncomingMessage, client: Socket, head: Buffer) => {
    const [host = '', port = '443'] = (incoming.url ?? '').split(/:(?=\d+$)/)
    const address = await allowed(`https://${incoming.url ?? ''}/`, host, port)
    if (!address) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const upstream = connect(Number(port), address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', (error) => {
      failed(`https://${incoming.url ?? ''}/`, error.message)
      client.destroy()
    })
    client.on('error', () => upstream.destroy())
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
