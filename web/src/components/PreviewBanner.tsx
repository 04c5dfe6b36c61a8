// The mark of an editor's preview: not what visitors see, with the way out.
import type { Lang } from '@cookie-policy/schemas/model'
import { UI } from '@/lib/i18n'

export function PreviewBanner({
  lang,
  path,
  unchanged,
}: {
  lang: Lang
  path: string
  unchanged: boolean
}) {
  const ui = UI[lang]
  return (
    <div className="notice notice-preview" role="note">
      <p>
        <strong>{ui.previewTitle}</strong> {unchanged ? ui.previewUnchanged : ui.previewBody}
      </p>
      <p>
        <a href={`/api/draft-mode/disable?redirect=${encodeURIComponent(path)}`}>
          {ui.previewLeave}
        </a>
      </p>
    </div>
  )
}
