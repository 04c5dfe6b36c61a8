// Signed heads: the chain's head (how many records, the last one's position and hash, when) signed with the
// ledger's Ed25519 key, to be published outside the database. Whoever can write the database can rebuild
// the whole chain or cut its end, but cannot make a head that someone kept elsewhere verify against it.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import { z } from 'zod'

export const signedHeadSchema = z
  .object({
    ledger: z.literal('consent-ledger'),
    seq: z.number().int().min(1).describe('The position of the head record.'),
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('The head record’s hash.'),
    records: z.number().int().min(1).describe('Records in the chain when it was signed.'),
    signedAt: z.iso.datetime(),
    publicKey: z.string().describe('The Ed25519 public key, SPKI PEM.'),
    signature: z.string().describe('Ed25519 over the canonical form of the fields above, base64.'),
  })
  .strict()
export type SignedHead = z.infer<typeof signedHeadSchema>

/** What the signature covers, in a fixed order. */
function signedBytes(head: Omit<SignedHead, 'signature' | 'publicKey'>): Buffer {
  return Buffer.from(
    JSON.stringify([head.ledger, head.seq, head.hash, head.records, head.signedAt]),
  )
}

/** A new Ed25519 key pair, PKCS#8 and SPKI PEM. */
export function newSigningKey(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

export function signHead(
  head: { seq: number; hash: string; records: number; signedAt: string },
  privateKeyPem: string,
): SignedHead {
  const key = createPrivateKey(privateKeyPem)
  const unsigned = { ledger: 'consent-ledger' as const, ...head }
  return {
    ...unsigned,
    publicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
    signature: sign(null, signedBytes(unsigned), key).toString('base64'),
  }
}

/** Whether the signature is the public key's over the head's fields. */
export function headSignatureHolds(head: SignedHead): boolean {
  try {
    return verify(
      null,
      signedBytes(head),
      createPublicKey(head.publicKey),
      Buffer.from(head.signature, 'base64'),
    )
  } catch {
    return false
  }
}
