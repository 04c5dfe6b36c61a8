// Plain pages on their own origin: one runs the unmodified Klaro package on format=klaro from the seed site,
// /other-site is another site of the company, in a language the policy site does not publish, with the banner.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const klaro = readFileSync(require.resolve('klaro/dist/klaro.js'))
const page = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Klaro</title></head>
<body>
<h1>Klaro fed by the cookie catalog</h1>
<script src="/klaro.js"></script>
<script>
  fetch('http://127.0.0.1:3101/api/cookie-catalog?format=klaro&lang=fr')
    .then((response) => response.json())
    .then((config) => { window.klaroConfig = config; klaro.setup(config); klaro.show(config, true); document.body.dataset.ready = 'yes' })
</script>
</body></html>`

const otherSite = `<!doctype html>
<html lang="es-ES"><head><meta charset="utf-8"><title>Otra web</title>
<script src="http://127.0.0.1:3101/cookie-banner.js"></script></head>
<body><h1>Otra web de la empresa</h1></body></html>`

createServer((request, response) => {
  if (request.url === '/other-site') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(otherSite)
    return
  }
  if (request.url === '/klaro.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript' })
    response.end(klaro)
    return
  }
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
  response.end(page)
}).listen(Number(process.env.PORT || 3104), '127.0.0.1')
