/**
 * Issue 11 item 2, in Chromium: a browser app calls `https://openapi.wix.com/v1/…` with fetch, and
 * MSW's service worker, given `hiveHandlers(WixShim)`, answers it from the page's shim instance.
 * The app is bundled here with esbuild as a user's bundler would (msw/browser + the built
 * `dist/msw.js`); `mockServiceWorker.js` is the file `npx msw init <public dir>` copies.
 * Needs `npx rollup -c --silent` first.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './harness';

const root = process.cwd();
let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const app = await build({
    stdin: {
      contents: `
        import { setupWorker } from 'msw/browser';
        import { hiveHandlers } from './dist/msw.js';
        window.mswReady = setupWorker(...hiveHandlers(window.WixShim))
          .start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } })
          .then(() => true);`,
      resolveDir: root,
    },
    bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent',
  });
  const files: Record<string, [string, string | Uint8Array]> = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>msw</title><script src="/shim.js"></script><script src="/app.js"></script>'],
    '/shim.js': ['text/javascript', readFileSync(join(root, 'dist', 'wix-hive-shim.min.js'))],
    '/app.js': ['text/javascript', app.outputFiles[0]!.contents],
    '/mockServiceWorker.js': ['text/javascript', readFileSync(join(root, 'node_modules', 'msw', 'lib', 'mockServiceWorker.js'))],
  };
  server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
});

describe('hiveHandlers in the browser (MSW service worker)', () => {
  it('a page\'s fetch calls to openapi.wix.com are answered from the page\'s shim, both ways with the SDK', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${origin}/`);
    const result = await page.evaluate(async () => {
      const w = window as unknown as { mswReady: Promise<boolean>; Wix: any };
      await w.mswReady;
      const api = async (method: string, path: string, body?: unknown) => {
        const r = await fetch(`https://openapi.wix.com/v1${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
        return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
      };
      // HTTP → SDK
      const created = await api('POST', '/contacts?version=2.0.0', { name: { first: 'Web' }, emails: [{ tag: 'main', email: 'web@example.com' }] });
      if (!created.body.contact) return { created } as any;
      const viaSdk = await new Promise<any>((ok, fail) => w.Wix.Contacts.getContactById(created.body.contact.id, ok, fail));
      // SDK → HTTP
      const reconciled = await new Promise<any>((ok, fail) => w.Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: 'sdk@example.com' }] }, ok, fail));
      const viaHttp = await api('GET', `/contacts/${reconciled.contact.id}?version=1.0.0`);
      const missing = await api('GET', '/contacts/nobody?version=1.0.0');
      return { created, viaSdk, viaHttp, missing, reconciledId: reconciled.contact.id };
    });
    expect(errors).toEqual([]);
    expect(result.created).toMatchObject({ status: 200, type: 'application/json', body: { details: { isNew: true } } });
    expect(result.viaSdk.name.first).toBe('Web');
    expect(result.viaHttp).toMatchObject({ status: 200, body: { id: result.reconciledId, emails: [{ email: 'sdk@example.com' }] } });
    expect(result.missing).toMatchObject({ status: 404, body: { errorCode: 404, wixErrorCode: -23018 } });
    await context.close();
  });
});
