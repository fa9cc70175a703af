/**
 * Loads a `window.Wix` (the real Wix.js 1.90.0, or the shim's script tag) in an iframe whose URL
 * carries the query parameters a Wix host gives (facts §3.5), and walks it to depth 4.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';

export const REAL_SDK = readFileSync(join(process.cwd(), 'node_modules', 'wix-sdk', 'lib', 'wix.min.js'), 'utf8');

/** One member: its path from `Wix`, its `typeof`, and for a constant its value (JSON of an array or object at the depth limit). */
export type Member = [path: string, type: string, value?: unknown];

export const INSTANCE_PAYLOAD = { instanceId: 'inst-1', signDate: '2026-11-29T00:00:00.000Z', uid: 'user-1', permissions: 'OWNER', demoMode: false, siteOwnerId: 'owner-1' };

/** `signature.payload` with a base64 payload, as the SDK's atob reads it. */
export const instanceToken = (payload: object = INSTANCE_PAYLOAD) => `sig.${Buffer.from(JSON.stringify(payload)).toString('base64').replace(/=+$/, '')}`;

export const frameQuery = (extra = '') => `?compId=comp-1&viewMode=site&deviceType=desktop&locale=en&instance=${instanceToken()}${extra}`;

/**
 * Serves `/__wix/real.html` (the real SDK) and `/__wix/shim.html` (the shim's script tag) under
 * `origin`, plus `/__wix/host.html?src=…`, a page with one iframe of that URL.
 */
export async function routeWixPages(page: Page, origin: string, bodies: Record<string, string> = {}): Promise<void> {
  await page.route(`${origin}/__wix/**`, (route) => {
    const url = new URL(route.request().url());
    const name = url.pathname.slice('/__wix/'.length);
    if (name === 'wix.js') return route.fulfill({ body: REAL_SDK, contentType: 'text/javascript' });
    if (name === 'host.html') return route.fulfill({ body: `<!doctype html><iframe id="f" src="${url.searchParams.get('src')}"></iframe>`, contentType: 'text/html' });
    const script = name.startsWith('real') ? '/__wix/wix.js' : '/dist/wix-hive-shim.min.js';
    return route.fulfill({ body: `<!doctype html><script src="${script}"></script>${bodies[name] ?? ''}`, contentType: 'text/html' });
  });
}

/** Opens `/__wix/<name>` inside a host page's iframe and returns that frame once `Wix` exists. */
export async function openInFrame(page: Page, origin: string, name: string, query = frameQuery()): Promise<Frame> {
  await page.goto(`${origin}/__wix/host.html?src=${encodeURIComponent(`/__wix/${name}${query}`)}`);
  const frame = await (await page.waitForSelector('#f')).contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForFunction(() => typeof (window as { Wix?: unknown }).Wix === 'object');
  return frame;
}

export function walkWix(frame: Frame): Promise<Member[]> {
  return frame.evaluate(() => {
    const rows: Member[] = [];
    const walk = (v: Record<string, unknown>, path: string, depth: number) => {
      for (const k of Object.keys(v)) {
        const x = v[k];
        const t = typeof x;
        const p = `${path}.${k}`;
        if (t === 'string' || t === 'number' || t === 'boolean' || x === null) rows.push([p, t, x]);
        else if (t === 'object' && depth === 4) rows.push([p, t, JSON.stringify(x)]);
        else rows.push([p, t]);
        if (depth < 4 && x && (t === 'object' || t === 'function')) walk(x as Record<string, unknown>, p, depth + 1);
      }
    };
    walk((window as unknown as { Wix: Record<string, unknown> }).Wix, 'Wix', 1);
    return rows;
  });
}
