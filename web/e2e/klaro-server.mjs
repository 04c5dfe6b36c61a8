// A plain page on its own origin that runs the unmodified Klaro package on format=klaro from the seed site.
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

createServer((request, response) => {
  if (request.url === '/klaro.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript' })
    response.end(klaro)
    return
  }
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
  response.end(page)
}).listen(Number(process.env.PORT || 3104), '127.0.0.1')
