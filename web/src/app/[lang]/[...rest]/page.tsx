// Any other address under a language is a real 404 page.
import { notFound } from 'next/navigation'

export default function Unknown(): never {
  notFound()
}
