/**
 * HTTP cursors (facts §5, §6.1): an opaque token that carries the query, the keyset boundary and
 * when it was issued. It needs no server state, so it works in every tab and after a restart,
 * and it expires 30 minutes after it was issued (410), by the shim's own clock.
 */
import { fromBase64url, toBase64url } from '../core/base64url';
import { badRequest, ShimFailure } from '../core/errors';
import type { SortKey } from '../storage/paging';
import { pageSizeOf } from '../wix/contacts';

export const CURSOR_LIFETIME_MS = 30 * 60 * 1000;

/** One page read in either direction, in the listing's order. */
export interface PageRead<T> {
  items: T[];
  more: boolean;
  first?: SortKey;
  last?: SortKey;
  total?: number;
}

export type Query = Record<string, string>;
export type Reader<T> = (q: Query, pageSize: number, after: SortKey | undefined, forward: boolean) => Promise<PageRead<T>>;

interface Token { p: string; q: Query; k: SortKey; f: boolean; t: number }

const encode = (token: Token) => toBase64url(new TextEncoder().encode(JSON.stringify(token)));

function decode(cursor: string, path: string, now: number): Token {
  let token: Token | undefined;
  try {
    token = JSON.parse(new TextDecoder().decode(fromBase64url(cursor)));
  } catch { /* reported below */ }
  if (!token || token.p !== path || !Array.isArray(token.k) || typeof token.t !== 'number') {
    throw badRequest(`Failed to read the page: the cursor [${cursor}] is not one this endpoint issued. Use nextCursor or previousCursor from its last answer`, -23001);
  }
  if (now - token.t > CURSOR_LIFETIME_MS) {
    const message = 'Failed to read the page: the cursor has expired (cursors last 30 minutes). Repeat the query without cursor';
    throw new ShimFailure('WIX_ERROR', message, { errorCode: 410, message, wixErrorCode: -23020 });
  }
  return token;
}

/**
 * Reads one page of a listing from the request's parameters (`cursor`, `pageSize` and the
 * listing's filters, named by `keys`), and builds the cursor envelope around it.
 */
export async function readListing<T>(
  params: URLSearchParams, path: string, keys: string[], defaultPageSize: number, now: number, read: Reader<T>,
): Promise<{ results: T[]; pageSize: number; total?: number; nextCursor: string | null; previousCursor?: string }> {
  const cursor = params.get('cursor');
  let q: Query = {};
  let after: SortKey | undefined;
  let forward = true;
  if (cursor && cursor !== '-1') {
    if (params.has('from') || params.has('until')) throw badRequest('Failed to read the page: from and until cannot be combined with cursor. Send the cursor alone', -23001);
    ({ q, k: after, f: forward } = decode(cursor, path, now));
  } else {
    for (const k of keys) {
      const v = params.get(k);
      // Query values are sent unencoded by some clients, so a `+` of a zone offset arrives as a space.
      if (v !== null) q[k] = k === 'from' || k === 'until' ? v.replace(' ', '+') : v;
    }
  }
  const size = q.pageSize === undefined ? undefined : /^\d+$/.test(q.pageSize) ? Number(q.pageSize) : q.pageSize;
  const pageSize = pageSizeOf(size, defaultPageSize, 'read the page');
  const page = await read(q, pageSize, after, forward);
  const token = (k: SortKey | undefined, f: boolean) => (k ? encode({ p: path, q, k, f, t: now }) : undefined);
  const next = forward ? page.more : after !== undefined;
  const previous = forward ? after !== undefined : page.more;
  const envelope: { results: T[]; pageSize: number; total?: number; nextCursor: string | null; previousCursor?: string } = {
    results: page.items, pageSize, nextCursor: (next && token(page.last, true)) || null,
  };
  if (page.total !== undefined) envelope.total = page.total;
  const prev = previous && token(page.first, false);
  if (prev) envelope.previousCursor = prev;
  return envelope;
}

/** A keyset page of an already filtered list sorted in the listing's (newest first) order. */
export function slicePage<T>(items: T[], keyOf: (t: T) => SortKey, pageSize: number, after: SortKey | undefined, forward: boolean): PageRead<T> {
  const before = (a: SortKey, b: SortKey) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  const rest = after ? items.filter((t) => (forward ? before(after, keyOf(t)) : before(keyOf(t), after))) : items;
  const pageItems = forward ? rest.slice(0, pageSize) : rest.slice(-pageSize);
  const page: PageRead<T> = { items: pageItems, more: rest.length > pageSize, total: items.length };
  if (pageItems.length) { page.first = keyOf(pageItems[0]!); page.last = keyOf(pageItems[pageItems.length - 1]!); }
  return page;
}
