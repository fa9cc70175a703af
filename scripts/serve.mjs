// `npm start`: builds, then serves examples/ (and the built dist/ under /dist/) on 127.0.0.1.
// PORT overrides the port; `--no-build` skips the build (tests that built already use it).
import { execSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** URL path → file: /dist/*, /node_modules/* and /schemas/* from the project, everything else from examples/. */
function fileFor(urlPath) {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const base = path.startsWith('/dist/') || path.startsWith('/node_modules/') || path.startsWith('/schemas/') ? root : join(root, 'examples');
  let file = join(base, path);
  if (!file.startsWith(root)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : undefined;
}

export function startServer(port = Number(process.env.PORT ?? 5178)) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = fileFor(url.pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    // The strict-CSP example proves the bundle needs neither eval nor inline script.
    if (url.pathname.startsWith('/csp/')) headers['content-security-policy'] = "script-src 'self'; object-src 'none'";
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--no-build')) execSync('npm run build', { cwd: root, stdio: 'inherit' });
  const server = await startServer();
  const { port } = server.address();
  console.log(`wix-hive-shim examples: http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
}
