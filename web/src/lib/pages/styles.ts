// The site's one stylesheet, inlined in every page (allowed by its hash in the page's Content-Security-Policy):
// no request of its own, nothing to cache apart from the page.
export const SITE_CSS = `
/* The site's one stylesheet: system fonts (nothing fetched), readable on a phone, printable. */
:root {
  --text: #1d1d1f;
  --muted: #4a4a4f;
  --accent: #0b5cad;
  --border: #c9c9cf;
  --surface: #f5f5f7;
  --added-bg: #e3f5e6;
  --added-text: #0b5a1c;
  --removed-bg: #fde7e7;
  --removed-text: #8a1010;
  --upcoming: #7a4b00;
  color-scheme: light;
}

* {
  box-sizing: border-box;
}

html {
  font-family:
    system-ui,
    -apple-system,
    'Segoe UI',
    Roboto,
    'Helvetica Neue',
    Arial,
    sans-serif;
  line-height: 1.55;
  color: var(--text);
  background: #fff;
  -webkit-text-size-adjust: 100%;
}

body {
  margin: 0;
}

main {
  max-width: 56rem;
  margin: 0 auto;
  padding: 1rem 1.25rem 4rem;
  overflow-wrap: break-word;
}

a {
  color: var(--accent);
}

a:focus-visible,
button:focus-visible {
  outline: 3px solid var(--accent);
  outline-offset: 2px;
}

.skip-link {
  position: absolute;
  left: -999px;
}
.skip-link:focus {
  left: 1rem;
  top: 1rem;
  background: #fff;
  padding: 0.5rem 1rem;
  z-index: 10;
}

h1 {
  font-size: 1.9rem;
  line-height: 1.2;
  margin: 1.5rem 0 0.5rem;
}
h2 {
  font-size: 1.35rem;
  margin-top: 2.2rem;
}
h3 {
  font-size: 1.1rem;
  margin-top: 1.8rem;
}

code {
  font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  font-size: 0.92em;
}

.policy-nav ul {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 1.25rem;
  list-style: none;
  padding: 0;
  margin: 0.5rem 0 1rem;
  align-items: center;
}

.preferences-button {
  font: inherit;
  color: #fff;
  background: var(--accent);
  border: 0;
  border-radius: 0.4rem;
  padding: 0.45rem 0.9rem;
  cursor: pointer;
}

.version-line {
  color: var(--muted);
  font-weight: 600;
}

.binding-note,
.fallback-page-note,
.notice {
  border-left: 4px solid var(--accent);
  background: var(--surface);
  padding: 0.6rem 1rem;
}
.notice-upcoming {
  border-color: var(--upcoming);
}
.notice-past {
  border-color: var(--removed-text);
}
/* An editor's preview is never mistaken for the published policy. */
.notice-preview {
  border-color: var(--upcoming);
  border-width: 0 0 0 8px;
}
.notice p {
  margin: 0.25rem 0;
}

.fallback-note {
  color: var(--muted);
  font-style: italic;
}

.table-wrap {
  margin: 1rem 0 1.5rem;
}

table {
  border-collapse: collapse;
  width: 100%;
}
caption {
  text-align: left;
  font-weight: 700;
  padding: 0.4rem 0;
}
th,
td {
  border: 1px solid var(--border);
  padding: 0.5rem 0.6rem;
  text-align: left;
  vertical-align: top;
  overflow-wrap: normal;
}
thead th {
  background: var(--surface);
}
tbody th {
  font-weight: 600;
}
.cookie-table th:nth-child(1) {
  width: 22%;
}
.cookie-table th:nth-child(2) {
  width: 15%;
}
.cookie-table th:nth-child(4) {
  width: 24%;
}
td a,
tbody th code {
  overflow-wrap: anywhere;
}

.version-list {
  list-style: none;
  padding: 0;
}
.version-list .version {
  border-bottom: 1px solid var(--border);
  padding: 0.5rem 0 1rem;
}
.version-list h2 {
  margin: 0.5rem 0 0.25rem;
}
.badge {
  display: inline-block;
  border-radius: 1rem;
  padding: 0.05rem 0.6rem;
  font-size: 0.85rem;
  font-weight: 600;
  border: 1px solid currentColor;
}
.badge-inForce {
  color: var(--added-text);
}
.badge-upcoming {
  color: var(--upcoming);
}
.badge-past {
  color: var(--muted);
}
.badge-consent {
  color: var(--accent);
}

ins {
  background: var(--added-bg);
  color: var(--added-text);
  text-decoration: underline;
}
del {
  background: var(--removed-bg);
  color: var(--removed-text);
  text-decoration: line-through;
}
.text-diff {
  white-space: pre-wrap;
}
.diff-block {
  margin-bottom: 1.5rem;
}

/* Phones: each table row becomes a card, labelled cell by cell; the page never scrolls sideways. */
@media (max-width: 40rem) {
  main {
    padding: 0.5rem 0.9rem 3rem;
  }
  h1 {
    font-size: 1.5rem;
  }
  table,
  caption,
  tbody,
  tr,
  th,
  td,
  .cookie-table th:nth-child(n) {
    display: block;
    width: 100%;
  }
  thead {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  tbody tr {
    border: 1px solid var(--border);
    border-radius: 0.5rem;
    margin-bottom: 0.8rem;
    padding: 0.3rem 0;
  }
  tbody th,
  tbody td {
    border: 0;
    padding: 0.3rem 0.8rem;
  }
  tbody th::before,
  tbody td::before {
    content: attr(data-label);
    display: block;
    font-size: 0.8rem;
    font-weight: 600;
    color: var(--muted);
  }
}

/* Print: the policy itself, with link addresses written out. */
@media print {
  .policy-nav,
  .skip-link,
  .js-only {
    display: none !important;
  }
  main {
    max-width: none;
    padding: 0;
  }
  a[href^='http']::after {
    content: ' (' attr(href) ')';
    font-size: 0.85em;
  }
  table,
  tr {
    page-break-inside: avoid;
  }
  thead th {
    background: none;
  }
}
`
