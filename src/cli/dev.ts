/**
 * `wix-hive-shim dev` (and `npm start`, and the browser tests): serves, from the package, the
 * examples (the dashboard among them), the built script tag under /dist/, the packages the examples
 * load under /node_modules/, and with `--widget PATH` a page that frames the user's own
 * widget file (its folder is served under /my-widget/, so its relative links work).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { UsageError } from './errors';
import { closeServer, listen } from './listen';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.jpg': 'image/jpeg', '.gif': 'image/gif', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

export interface DevOptions {
  /** The package folder (holds dist/, schemas/, examples/). */
  root: string;
  port: number;
  widget?: string;
}

export interface RunningDev {
  url: string;
  port: number;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function framePage(file: string): string {
  const src = `/my-widget/${encodeURIComponent(basename(file))}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your widget · wix-hive-shim</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/style.css">
<style>iframe{width:100%;height:70vh;border:1px solid #ccc;border-radius:8px;background:#fff}</style></head>
<body><header class="topbar"><a class="brand" href="/">wix-hive-shim</a><span class="crumb">Your widget: ${escapeHtml(basename(file))}</span>
<span class="spacer"></span><a class="topbar-link" href="/dashboard/" target="_blank" rel="noopener">Open the dashboard ↗</a></header>
<main><p>Your widget, framed as on a site. Load the shim in it with <code>&lt;script src="/dist/wix-hive-shim.min.js"&gt;&lt;/script&gt;</code>;
its contacts and activities appear in the dashboard (same origin, same IndexedDB).</p>
<iframe id="widget" title="Your widget" src="${src}"></iframe></main></body></html>
`;
}

/** The file a URL path names inside `base`, or undefined (never outside `base`). */
function inside(base: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  let file = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * The folder of package `name` as Node would find it from `root`: `root/node_modules/name`, else
 * the same in each folder above (an installed package's dependencies are usually hoisted there).
 */
function packageDir(root: string, name: string): string | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** `/node_modules/<name or @scope/name>/<file>`: the file inside that package, never outside it. */
function inPackage(root: string, urlPath: string): string | undefined {
  const [first = '', second = '', ...rest] = urlPath.slice('/node_modules/'.length).split('/');
  const [encoded, path] = first.startsWith('@') ? [`${first}/${second}`, rest] : [first, [second, ...rest]];
  let name: string;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  // A package name, so that `%2e%2e` and the like never name a folder above node_modules.
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name)) return undefined;
  const dir = packageDir(root, name);
  return dir ? inside(dir, `/${path.join('/')}`) : undefined;
}

export function checkWidget(path: string): string {
  const file = resolve(path);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`Failed to start: --widget ${path} is not a file. Pass the path of your widget's HTML file`);
  return file;
}

export async function startDev(options: DevOptions): Promise<RunningDev> {
  const root = resolve(options.root);
  const examples = join(root, 'examples');
  if (!existsSync(join(examples, 'dashboard', 'index.html'))) throw new Error(`The package at ${root} has no examples/dashboard: reinstall wix-hive-shim`);
  const widget = options.widget ? checkWidget(options.widget) : undefined;

  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    let file: string | undefined;
    if (widget && (pathname === '/frame' || pathname === '/frame/')) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' }).end(framePage(widget));
      return;
    }
    if (widget && pathname.startsWith('/my-widget/')) file = inside(dirname(widget), pathname.slice('/my-widget'.length));
    else if (pathname.startsWith('/dist/') || pathname.startsWith('/schemas/')) file = inside(root, pathname);
    // The app example's import map (zod, idb) and the host example's real Wix.js (wix-sdk, which
    // only a checkout has: it is a devDependency).
    else if (pathname.startsWith('/node_modules/')) file = inPackage(root, pathname);
    else file = inside(examples, pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    // The strict-CSP example proves the bundle needs neither eval nor inline script.
    if (pathname.startsWith('/csp/')) headers['content-security-policy'] = "script-src 'self'; object-src 'none'";
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });

  const port = await listen(server, options.port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => closeServer(server),
  };
}
