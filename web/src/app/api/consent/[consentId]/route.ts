// The consent ledger's endpoint for hosts that run only Next.js; see web/src/lib/consent/route.ts.
import { consentRoute } from '@/lib/consent/route'

export const dynamic = 'force-dynamic'

export const GET = consentRoute
export const HEAD = consentRoute
export const POST = consentRoute
export const OPTIONS = consentRoute
