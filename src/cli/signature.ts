/**
 * The WixHive request signature (facts §6.1, §6.5): Base64url(HMAC-SHA256(secret,
 * `METHOD\n/path\n<values of the query params and x-wix-* headers but the signature, sorted by
 * name>[\n<body>]`)) without `=`. Used to check requests to `serve` and to sign its webhooks (§6.4).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A `[name, value]` pair as signed: query names as sent, header names lower case, values decoded. */
export type SignedPair = [name: string, value: string];

/** The text the HMAC covers. Names sort by UTF-16 code units, as Wix's Node client sorts them. */
export function signatureBase(method: string, path: string, pairs: SignedPair[], body: string): string {
  const values = [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((p) => p[1]);
  const text = [method.toUpperCase(), path, ...values].join('\n');
  return body ? `${text}\n${body}` : text;
}

/** The signed `x-wix-*` headers, the signature itself left out; a repeated header's values joined by `,`. */
function wixHeaderPairs(headers: Record<string, string | string[] | undefined>): SignedPair[] {
  const pairs: SignedPair[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-wix-') && name !== 'x-wix-signature' && value !== undefined) pairs.push([name, Array.isArray(value) ? value.join(',') : value]);
  }
  return pairs;
}

export function sign(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

/** Signs a webhook's headers and body (§6.4: the same scheme, `POST`, an empty path). */
export function signWebhook(secret: string, headers: Record<string, string>, body: string): string {
  return sign(secret, signatureBase('POST', '', wixHeaderPairs(headers), body));
}

const CREDENTIALS = ['application-id', 'instance-id', 'timestamp', 'signature'] as const;
/** ISO-8601 with a zone: `Z` or an offset such as `+03:00` (facts §6.5). */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export interface IncomingSigned {
  method: string;
  /** The path as sent, not decoded. */
  path: string;
  /** The query string as sent, without `?`. */
  rawQuery: string;
  /** Header names lower case. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type AuthOutcome = { ok: true } | { ok: false; status: 400 | 403; message: string };

export interface AuthOptions {
  secret: string;
  /** When set, a request for another application is refused. */
  appId?: string;
  now: number;
  /** How far a timestamp may be from `now`, either way. */
  maxSkewMs: number;
}

/** Query pairs, decoded as signed (`+` stays `+`: the clients sign the value they percent-encode). */
function queryPairs(raw: string): SignedPair[] | undefined {
  const pairs: SignedPair[] = [];
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    try {
      pairs.push(eq < 0 ? [decodeURIComponent(part), ''] : [decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1))]);
    } catch {
      return undefined;
    }
  }
  return pairs;
}

/** Checks credentials (headers or query) before anything else about the request, as Wix did (§6.5). */
export function checkSignature(req: IncomingSigned, options: AuthOptions): AuthOutcome {
  const query = queryPairs(req.rawQuery);
  if (!query) return { ok: false, status: 400, message: 'The query string is not valid percent-encoding' };
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const given = Object.fromEntries(CREDENTIALS.map((c) => [c, header(`x-wix-${c}`) ?? query.find(([n]) => n === c)?.[1]]));
  const missing = CREDENTIALS.filter((c) => !given[c]);
  if (missing.length) {
    return { ok: false, status: 400, message: `Missing credentials: ${missing.map((c) => `x-wix-${c}`).join(', ')} (as headers, or as query parameters without the x-wix- prefix)` };
  }
  const stamp = given.timestamp as string;
  const at = ISO_WITH_ZONE.test(stamp) ? Date.parse(stamp) : NaN;
  if (Number.isNaN(at)) return { ok: false, status: 400, message: `Invalid timestamp [${stamp}]: send ISO-8601 with a zone, such as ${new Date(options.now).toISOString()}` };
  if (Math.abs(options.now - at) > options.maxSkewMs) {
    return { ok: false, status: 403, message: `Timestamp [${stamp}] has expired: sign each request with the current time (allowed skew ${options.maxSkewMs / 1000} s)` };
  }
  if (options.appId !== undefined && given['application-id'] !== options.appId) {
    return { ok: false, status: 403, message: `Unknown application id [${given['application-id']}]` };
  }
  const pairs: SignedPair[] = [...query.filter(([n]) => n !== 'signature'), ...wixHeaderPairs(req.headers)];
  const expected = Buffer.from(sign(options.secret, signatureBase(req.method, req.path, pairs, req.body)));
  const actual = Buffer.from(given.signature as string);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, status: 403, message: 'Bad signature: sign METHOD, path, the sorted query and x-wix-* values and the body with the app secret' };
  }
  return { ok: true };
}
