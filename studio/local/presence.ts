// The Studio's presence (who else is editing, where) is a WebSocket to Sanity. In local mode there is nobody
// else: the socket is accepted so the Studio does not retry it every few seconds, and what the Studio sends on
// it goes unanswered. The first message of each kind is logged, so nothing is dropped silently.
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
const OPCODE = { text: 1, close: 8, ping: 9, pong: 10 }

interface Frame {
  opcode: number
  payload: Buffer
  /** Bytes the frame took, header included. */
  size: number
}

/** One client frame (RFC 6455: clients mask), or null until all of its bytes have arrived. */
function readFrame(bytes: Buffer): Frame | null {
  if (bytes.length < 2) return null
  const opcode = bytes[0]! & 0x0f
  const masked = (bytes[1]! & 0x80) !== 0
  let length = bytes[1]! & 0x7f
  let offset = 2
  if (length === 126) {
    if (bytes.length < 4) return null
    length = bytes.readUInt16BE(2)
    offset = 4
  } else if (length === 127) {
    if (bytes.length < 10) return null
    length = Number(bytes.readBigUInt64BE(2))
    offset = 10
  }
  const mask = offset
  if (masked) offset += 4
  if (bytes.length < offset + length) return null
  const payload = Buffer.from(bytes.subarray(offset, offset + length))
  if (masked)
    for (let index = 0; index < payload.length; index++)
      payload[index]! ^= bytes[mask + (index % 4)]!
  return { opcode, payload, size: offset + length }
}

/** A server frame: unmasked, short payloads only (close and pong). */
const frame = (opcode: number, payload: Uint8Array = new Uint8Array()) =>
  Buffer.concat([Buffer.from([0x80 | opcode, payload.length]), payload])

export function acceptPresenceSocket(
  request: IncomingMessage,
  socket: Duplex,
  log: (line: string) => void,
): void {
  const key = request.headers['sec-websocket-key']
  if (typeof key !== 'string') {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    return
  }
  const accept = createHash('sha1').update(`${key}${WEBSOCKET_GUID}`).digest('base64')
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  )
  let pending = Buffer.alloc(0)
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk])
    for (let next = readFrame(pending); next; next = readFrame(pending)) {
      pending = pending.subarray(next.size)
      if (next.opcode === OPCODE.close) {
        socket.end(frame(OPCODE.close))
        return
      }
      if (next.opcode === OPCODE.ping)
        socket.write(frame(OPCODE.pong, next.payload.subarray(0, 125)))
      if (next.opcode === OPCODE.text) {
        const message = next.payload.toString('utf8')
        const method = /"method"\s*:\s*"([^"]+)"/.exec(message)?.[1] ?? message.slice(0, 80)
        log(`presence message "${method}" is not answered: there is no other editor in local mode`)
      }
    }
  })
  socket.on('error', () => socket.destroy())
}
