// The 404 page the proxy shows (with status 404) for any address that names no page.
import type { Metadata } from 'next'
import NotFound from '../not-found'

export const metadata: Metadata = { robots: { index: false } }

export default NotFound
