/**
 * The `instance` query parameter a Wix host gives an app iframe: `signature.payload`, where the
 * payload is the base64url of a JSON object (`instanceId`, `signDate`, `uid`, `permissions`, …)
 * and the signature the base64url HMAC-SHA256 of the payload text under the app secret.
 */
import { fromBase64url, toBase64url } from '../core/base64url';

/** What the token carries; any extra key is kept (`getInstanceValue(key)` reads it). */
export interface InstancePayload {
  instanceId: string;
  /** ISO-8601. */
  signDate: string;
  /** The visitor's or member's id; `null` for an anonymous visitor. */
  uid: string | null;
  /** `'OWNER'` for the site owner, `''` for a visitor. */
  permissions: string;
  demoMode?: boolean;
  siteOwnerId?: string;
  [key: string]: unknown;
}

const encoder = new TextEncoder();

/**
 * Encodes the payload so that its base64url is also plain base64: Wix.js 1.90.0 decodes it with
 * `atob`, which rejects base64url's `-` and `_`. Those stand for 6-bit groups 111110 and 111111; in
 * ASCII text a group boundary can only fall on five ones inside `>`, `?`, `~` or DEL (other runs
 * start at odd bit offsets, and a run across bytes needs a byte above 0x7F). So every such
 * character, and every non-ASCII one, is written as a JSON `\uXXXX` escape: the same JSON value,
 * a token of the real shape that the SDK can read.
 */
export function encodePayload(payload: InstancePayload): string {
  const json = JSON.stringify(payload).replace(/[>?~\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return toBase64url(encoder.encode(json));
}

function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!s) throw new TypeError('[wix-hive-shim] Failed to sign the instance: WebCrypto (crypto.subtle) is missing. Serve the host page from https:// or 127.0.0.1');
  return s;
}

async function hmac(secret: string, text: string): Promise<Uint8Array> {
  const key = await subtle().importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  return new Uint8Array(await subtle().sign('HMAC', key, encoder.encode(text)));
}

/** Signs a payload with the app secret: resolves with `signature.payload`. */
export async function signInstance(payload: InstancePayload, secret: string): Promise<string> {
  const encoded = encodePayload(payload);
  return `${toBase64url(await hmac(secret, encoded))}.${encoded}`;
}

/**
 * Checks a token as an app server did (recompute the HMAC of the payload text, compare in
 * constant time): resolves with the payload, or `null` when the signature or shape is wrong.
 */
export async function verifyInstance(token: string, secret: string): Promise<InstancePayload | null> {
  if (typeof token !== 'string') return null;
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const encoded = token.slice(dot + 1);
  try {
    const expected = await hmac(secret, encoded);
    const given = fromBase64url(token.slice(0, dot));
    if (given.length !== expected.length) return null;
    let diff = 0;
    for (let i = 0; i < given.length; i++) diff |= (given[i] as number) ^ (expected[i] as number);
    if (diff !== 0) return null;
    const payload = JSON.parse(new TextDecoder().decode(fromBase64url(encoded))) as unknown;
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as InstancePayload) : null;
  } catch {
    return null;
  }
}
