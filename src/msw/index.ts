/**
 * `wix-hive-shim/msw`: Mock Service Worker handlers that answer the WixHive HTTP API from a shim
 * instance, so a browser app (MSW's worker) or a Node test of an app server (`setupServer`) calls
 * `https://openapi.wix.com/v1/…` and talks to the shim with no server at all (SPEC §5).
 * `msw` 2.x is an optional peer dependency: only this entry imports it.
 */
import { http, type HttpHandler } from 'msw';

/** Anything with the shim's HTTP entry point: an instance of `createShim`, or `window.WixShim`. */
export interface HiveRequestHandler {
  handleHiveRequest(request: Request): Promise<Response>;
}

export interface HiveHandlersOptions {
  /** Where the app sends its requests, up to and including the version segment. Default `https://openapi.wix.com/v1`. */
  baseUrl?: string;
}

const WIX_BASE = 'https://openapi.wix.com/v1';

/**
 * One handler for every method under `baseUrl`, delegating to `shim.handleHiveRequest`. A request
 * to another base is rewritten to the WixHive path first, so `baseUrl` may be any prefix.
 */
export function hiveHandlers(shim: HiveRequestHandler, options: HiveHandlersOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? WIX_BASE).replace(/\/+$/, '');
  if (typeof shim?.handleHiveRequest !== 'function') {
    throw new TypeError('[wix-hive-shim] hiveHandlers(shim): pass an instance from createShim() (or window.WixShim), which has handleHiveRequest');
  }
  return [
    http.all(`${base}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const rest = url.href.slice(url.href.indexOf(base) + base.length);
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      return shim.handleHiveRequest(new Request(`${WIX_BASE}${rest}`, {
        method: request.method,
        headers: request.headers,
        ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      }));
    }),
  ];
}
