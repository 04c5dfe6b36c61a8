// Route parameters checked once: an unknown language is a 404, never an error.
import { notFound } from 'next/navigation'
import { isLang, type Lang } from '@cookie-policy/schemas/model'

export function langOr404(value: string): Lang {
  if (!isLang(value)) notFound()
  return value
}
