// Portable Text for the policy's prose: built from plain paragraphs (with **bold**, *italic* and links), read back as text.
import { shortHash } from './text'

interface Span {
  _type: 'span'
  _key: string
  text: string
  marks: string[]
}
interface LinkDef {
  _type: 'link'
  _key: string
  href: string
}
export interface Block {
  _type: 'block'
  _key: string
  style: 'normal'
  markDefs: LinkDef[]
  children: Span[]
}

const EMPHASIS = /\*\*([^*]+?)\*\*|\*([^*\s][^*]*?)\*/g
/**
 * Links in prose: any http(s) address, and bare domains of any top-level domain ("allaboutcookies.org",
 * "www.example.co.uk/privacy"), written in lower case as addresses are; not the domain of an e-mail address.
 */
const LINK =
  /\b[hH][tT][tT][pP][sS]?:\/\/[^\s)»"<>]+[^\s)»"<>.,;:!?]|(?<![@\w.-])(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}(?![\w@-])(?:\/[^\s)»"<>]*[^\s)»"<>.,;:!?])?/g

/** One block per paragraph; keys derive from `seed` and the position, so the same text gives the same keys. */
export function paragraphsToBlocks(paragraphs: readonly string[], seed: string): Block[] {
  return paragraphs.map((paragraph, index) =>
    paragraphToBlock(paragraph, shortHash(seed, String(index))),
  )
}

function paragraphToBlock(paragraph: string, key: string): Block {
  const markDefs: LinkDef[] = []
  const children: Span[] = []
  const push = (text: string, marks: string[]) => {
    if (text === '') return
    for (const piece of splitLinks(text)) {
      const pieceMarks = [...marks]
      if (piece.href) {
        const linkKey = shortHash(key, 'link', String(markDefs.length))
        markDefs.push({ _type: 'link', _key: linkKey, href: piece.href })
        pieceMarks.push(linkKey)
      }
      children.push({
        _type: 'span',
        _key: shortHash(key, 'span', String(children.length)),
        text: piece.text,
        marks: pieceMarks,
      })
    }
  }
  let last = 0
  for (const match of paragraph.matchAll(EMPHASIS)) {
    push(paragraph.slice(last, match.index), [])
    push(match[1] ?? match[2]!, [match[1] !== undefined ? 'strong' : 'em'])
    last = match.index + match[0].length
  }
  push(paragraph.slice(last), [])
  return { _type: 'block', _key: key, style: 'normal', markDefs, children }
}

function splitLinks(text: string): { text: string; href?: string }[] {
  const pieces: { text: string; href?: string }[] = []
  let last = 0
  for (const match of text.matchAll(LINK)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) })
    const href = /^https?:\/\//i.test(match[0]) ? match[0] : `https://${match[0]}`
    pieces.push({ text: match[0], href })
    last = match.index + match[0].length
  }
  if (last < text.length) pieces.push({ text: text.slice(last) })
  return pieces
}

interface LooseBlock {
  _type?: string
  children?: readonly { text?: string | null }[] | null
}

/** The text of rich text, one paragraph a line, marks dropped: what a reader sees, for differences and search. */
export function blocksToText(blocks: readonly LooseBlock[] | null | undefined): string {
  return (blocks ?? [])
    .filter((block) => block._type === 'block')
    .map((block) => (block.children ?? []).map((child) => child.text ?? '').join(''))
    .join('\n')
}
