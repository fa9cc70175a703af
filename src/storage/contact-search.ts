/**
 * Contact search (decision 0023). An email or a phone is looked up in its index (exact match of the
 * normalised key); a name is found by a bounded scan of the newest-first order, which continues
 * from its keyset cursor on the next call. Order is by `createdAt` (the index) or `modifiedAt` (no
 * index yet: sorted among at most SCAN_LIMIT contacts). Every call reads at most SCAN_LIMIT rows.
 */
import { isoToMillis } from '../core/iso-date';
import { emailKey, phoneKey } from '../core/normalize';
import type { Contact } from '../core/types';
import type { Tx } from './driver';
import type { ContactRow } from './schema';

/** The most rows one search call reads. */
export const SCAN_LIMIT = 5000;
const BATCH = 500;

export type SearchSort = 'created' | 'modified';
/** A position in the order: `[sort value (epoch ms), id]`, exclusive. */
export type SearchKey = [number, string];

export interface SearchQuery {
  text: string;
  pageSize: number;
  sort: SearchSort;
  after?: SearchKey;
}

export interface SearchResult {
  items: Contact[];
  next: SearchKey | undefined;
  scanned: number;
  /** False when the scan stopped at SCAN_LIMIT before it had seen every contact it needed. */
  complete: boolean;
}

/** What the text is looked up as: an index key, or a name fragment. */
export function searchTarget(text: string): { index: 'byEmail' | 'byPhone'; key: string } | { name: string } {
  const t = text.trim();
  if (t.includes('@')) return { index: 'byEmail', key: emailKey(t) };
  if (/^\+?[\d\s().-]+$/.test(t) && /\d{3}/.test(t.replace(/\D/g, ''))) return { index: 'byPhone', key: phoneKey(t) };
  return { name: t.toLowerCase() };
}

const keyOf = (row: ContactRow, sort: SearchSort): SearchKey =>
  [sort === 'created' ? row.created : isoToMillis(row.contact.modifiedAt), row.id];

/** Newest first: true when `a` comes before `b`. */
const precedes = (a: SearchKey, b: SearchKey) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

function nameMatches(row: ContactRow, fragment: string): boolean {
  if (!fragment) return true;
  const n = row.contact.name;
  return [n.prefix, n.first, n.middle, n.last, n.suffix].filter(Boolean).join(' ').toLowerCase().includes(fragment);
}

/** Sorts candidates that were all read, and cuts the page after `after`. */
function pageOf(rows: ContactRow[], q: SearchQuery, scanned: number, complete: boolean): SearchResult {
  const keyed = rows.map((row) => ({ row, key: keyOf(row, q.sort) }))
    .filter((r) => !q.after || precedes(q.after, r.key))
    .sort((a, b) => (precedes(a.key, b.key) ? -1 : precedes(b.key, a.key) ? 1 : 0));
  const page = keyed.slice(0, q.pageSize);
  const last = page[page.length - 1];
  return { items: page.map((r) => r.row.contact), next: keyed.length > q.pageSize && last ? last.key : undefined, scanned, complete };
}

export async function searchContactsInTx(tx: Tx, q: SearchQuery): Promise<SearchResult> {
  const target = searchTarget(q.text);
  if ('index' in target) {
    const rows = target.key
      ? await tx.scan<ContactRow>('contacts', { index: target.index, range: { lower: target.key, upper: target.key }, limit: SCAN_LIMIT })
      : [];
    return pageOf(rows, q, rows.length, rows.length < SCAN_LIMIT);
  }
  if (q.sort === 'modified') {
    // No index on modifiedAt: sort the newest SCAN_LIMIT contacts by it (complete when that is all).
    const rows = await tx.scan<ContactRow>('contacts', { index: 'byCreated', direction: 'prev', limit: SCAN_LIMIT + 1 });
    const complete = rows.length <= SCAN_LIMIT;
    const read = rows.slice(0, SCAN_LIMIT);
    return pageOf(read.filter((r) => nameMatches(r, target.name)), q, read.length, complete);
  }
  // Newest created first, through the index, from the cursor on, a batch at a time.
  const items: Contact[] = [];
  let after = q.after;
  let scanned = 0;
  let lastMatch: SearchKey | undefined;
  while (scanned < SCAN_LIMIT) {
    const range = after ? { upper: after, upperOpen: true } : undefined;
    const want = Math.min(BATCH, SCAN_LIMIT - scanned);
    const batch = await tx.scan<ContactRow>('contacts', { index: 'byCreated', direction: 'prev', limit: want, ...(range ? { range } : {}) });
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i] as ContactRow;
      if (!nameMatches(row, target.name)) continue;
      // One match beyond the page: there is a next page, and it starts after the page's last.
      if (items.length === q.pageSize) return { items, next: lastMatch, scanned: scanned + i, complete: true };
      items.push(row.contact);
      lastMatch = keyOf(row, 'created');
    }
    scanned += batch.length;
    const lastRow = batch[batch.length - 1];
    if (!lastRow || batch.length < want) return { items, next: undefined, scanned, complete: true };
    after = keyOf(lastRow, 'created');
  }
  // Stopped at the limit: the next call goes on from the last row read.
  return { items, next: after, scanned, complete: false };
}
