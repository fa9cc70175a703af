/**
 * `shim.searchContacts(text, options)`: the dashboard's search and sort over contacts, with a
 * keyset cursor (`next` → `after`), never an offset. Bounds and index use: decision 0023.
 */
import { badRequest } from '../core/errors';
import type { Contact } from '../core/types';
import type { SearchKey, SearchResult, SearchSort } from '../storage/contact-search';
import type { HiveStore } from '../storage/hive-store';

/** Options of `searchContacts`. */
export interface SearchContactsOptions {
  /** Integer 1–500; default 25. */
  pageSize?: number;
  /** `'created'` (default) or `'modified'`: newest first. */
  sort?: SearchSort;
  /** The `next` of the previous page; absent or null for the first page. */
  after?: string | null;
}

/** One page of a search. */
export interface ContactSearchPage {
  items: Contact[];
  /** Pass as `after` for the following page; null when nothing follows. */
  next: string | null;
  /** How many contacts were read for this page. */
  scanned: number;
  /**
   * False when the read stopped at its bound (5,000 contacts): a name search may still find
   * matches on the following page; with `sort: 'modified'` the order covers the 5,000 newest.
   */
  complete: boolean;
}

const MAX_TEXT = 200;
const SORTS: readonly unknown[] = ['created', 'modified'];

// Plain checks, not zod/mini: this branch's script-tag build does not bundle dependencies yet
// (decision 0023); move them to a zod/mini schema when the zod migration lands.
function decode(after: string, sort: SearchSort): SearchKey {
  let token: unknown;
  try { token = JSON.parse(after); } catch { token = undefined; }
  if (!Array.isArray(token) || token.length !== 3 || token[0] !== sort || !Number.isFinite(token[1]) || typeof token[2] !== 'string') {
    throw badRequest('Failed to search contacts: after is not a cursor of this sort. Pass the next of a page searched with the same sort, or null');
  }
  return [token[1] as number, token[2]];
}

function readOptions(options: unknown): { pageSize: number; sort: SearchSort; after: string | null } | undefined {
  if (options === undefined || options === null) return { pageSize: 25, sort: 'created', after: null };
  if (typeof options !== 'object' || Array.isArray(options)) return undefined;
  const { pageSize = 25, sort = 'created', after = null } = options as Record<string, unknown>;
  const sizeOk = typeof pageSize === 'number' && Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 500;
  if (!sizeOk || !SORTS.includes(sort) || (after !== null && typeof after !== 'string')) return undefined;
  return { pageSize: pageSize as number, sort: sort as SearchSort, after: after as string | null };
}

export async function searchContacts(store: HiveStore, text: unknown, options: unknown): Promise<ContactSearchPage> {
  if (typeof text !== 'string' || text.length > MAX_TEXT) {
    throw badRequest(`Failed to search contacts: the text must be a string of at most ${MAX_TEXT} characters. Pass '' to list every contact`);
  }
  let o: ReturnType<typeof readOptions>;
  try { o = readOptions(options); } catch { o = undefined; } // a throwing getter: reported as invalid
  if (!o) {
    throw badRequest('Failed to search contacts: the options are invalid. Pass {pageSize?: 1–500, sort?: "created" | "modified", after?: page.next}');
  }
  const { sort } = o;
  const after = o.after ? decode(o.after, sort) : undefined;
  const result: SearchResult = await store.searchContacts({ text, pageSize: o.pageSize, sort, ...(after ? { after } : {}) });
  return {
    items: result.items,
    next: result.next ? JSON.stringify([sort, ...result.next]) : null,
    scanned: result.scanned,
    complete: result.complete,
  };
}
