/**
 * `shim.searchContacts(text, options)`: the dashboard's search and sort over contacts, with a
 * keyset cursor (`next` → `after`), never an offset. Bounds and index use: decision 0023.
 */
import * as z from 'zod/mini';
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
const Options = z.object({
  pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(500))),
  sort: z.optional(z.enum(['created', 'modified'])),
  after: z.optional(z.nullable(z.string())),
});
const Token = z.tuple([z.enum(['created', 'modified']), z.number(), z.string()]);

function decode(after: string, sort: SearchSort): SearchKey {
  let parsed: unknown;
  try { parsed = JSON.parse(after); } catch { parsed = undefined; }
  const token = Token.safeParse(parsed);
  if (!token.success || token.data[0] !== sort) {
    throw badRequest('Failed to search contacts: after is not a cursor of this sort. Pass the next of a page searched with the same sort, or null');
  }
  return [token.data[1], token.data[2]];
}

export async function searchContacts(store: HiveStore, text: unknown, options: unknown): Promise<ContactSearchPage> {
  if (typeof text !== 'string' || text.length > MAX_TEXT) {
    throw badRequest(`Failed to search contacts: the text must be a string of at most ${MAX_TEXT} characters. Pass '' to list every contact`);
  }
  const parsed = Options.safeParse(options ?? {});
  if (!parsed.success) {
    throw badRequest('Failed to search contacts: the options are invalid. Pass {pageSize?: 1–500, sort?: "created" | "modified", after?: page.next}');
  }
  const sort = parsed.data.sort ?? 'created';
  const after = parsed.data.after ? decode(parsed.data.after, sort) : undefined;
  const result: SearchResult = await store.searchContacts({ text, pageSize: parsed.data.pageSize ?? 25, sort, ...(after ? { after } : {}) });
  return {
    items: result.items,
    next: result.next ? JSON.stringify([sort, ...result.next]) : null,
    scanned: result.scanned,
    complete: result.complete,
  };
}
