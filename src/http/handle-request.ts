/**
 * `handleHiveRequest(request)`: the WixHive HTTP API (SPEC §5, facts §6) answered from the
 * instance's own store, so the SDK and HTTP clients see one set of data. Any origin: only the
 * path after `/v1` matters. Every answer is JSON; errors are `{errorCode, message, wixErrorCode}`.
 */
import { badRequest, notFound, toFailure } from '../core/errors';
import type { ShimContext } from '../shim/context';
import { activityRoutes } from './activities-routes';
import { contactRoutes } from './contacts-routes';
import { labelRoutes } from './labels-routes';
import type { Route } from './route';

const ROUTES: Route[] = [...activityRoutes, ...contactRoutes, ...labelRoutes];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export function createHiveHandler(ctx: ShimContext): (request: Request) => Promise<Response> {
  return async (request) => {
    let method = '';
    let path = '';
    try {
      method = request.method.toUpperCase();
      const url = new URL(request.url);
      path = /\/v1(\/.*)$/.exec(url.pathname)?.[1]?.replace(/\/$/, '') ?? '';
      const version = url.searchParams.get('version');
      if (!version) throw badRequest('Failed to call the API: version is missing. Add ?version=1.0.0 (2.0.0 for POST /contacts to reconcile)', -23001);
      for (const [verb, pattern, handle, versions] of ROUTES) {
        const m = verb === method ? pattern.exec(path) : null;
        if (!m) continue;
        if (version !== '1.0.0' && !versions?.test(version)) break;
        const body = async () => {
          const text = await request.text();
          try {
            return text ? JSON.parse(text) : undefined;
          } catch {
            throw badRequest('Invalid content or bad data. The body is not JSON');
          }
        };
        let decoded: string[];
        try {
          decoded = m.map((s) => (s === undefined ? s : decodeURIComponent(s))) as string[];
        } catch {
          throw badRequest(`Failed to call the API: the path /v1${path} has invalid percent-encoding. Encode ids with encodeURIComponent`, -23001);
        }
        return json(200, await handle({ ctx, path, m: decoded, params: url.searchParams, body }));
      }
      throw notFound(`Failed to call the API: no endpoint ${method} /v1${path} in version ${version}. See facts §6.2 and §6.3 for the endpoints`, -23001);
    } catch (error) {
      const { http } = toFailure(error, `answer ${method} /v1${path}`);
      ctx.reporter.warn(`handleHiveRequest ${method} /v1${path}: ${http.message}`);
      return json(http.errorCode, http);
    }
  };
}
