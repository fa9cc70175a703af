/**
 * `shim.searchContacts(text, options)`: the dashboard's search and sort over contacts, with a
 * keyset cursor (`next` → `after`), never an offset. Bounds and index use: decision 0023.
 */
import { badRequest } from '../core/errors';
import { searchSchemas } from '../core/option-schemas';
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

function decode(after: string, sort: SearchSort): SearchKey {
  let token: unknown;
  try { token = JSON.parse(after); } catch { token = undefined; }
  const parts = Array.isArray(token) && token.length === 3 ? { sort: token[0], created: token[1], id: token[2] } : undefined;
  const parsed = searchSchemas().cursor.safeParse(parts);
  if (!parsed.success || parsed.data.sort !== sort) {
    throw badRequest('Failed to search contacts: after is not a cursor of this sort. Pass the next of a page searched with the same sort, or null');
  }
  return [parsed.data.created, parsed.data.id];
}

function readOptions(options: unknown): { pageSize: number; sort: SearchSort; after: string | null } | undefined {
  const parsed = searchSchemas().options.safeParse(options);
  if (!parsed.success) return undefined;
  const { pageSize = 25, sort = 'created', after = null } = parsed.data ?? {};
  return { pageSize, sort, after };
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
