/**
 * The host side of `WixDataCursor`: the SDK's cursor asks for a page by the id the host gave it
 * (`nextCursor`/`previousCursor`); the host keeps the shim's own cursor for each query and moves it
 * one page per request, so paging keeps the shim's keyset rules.
 */
import { errorResponse } from './protocol';

/** The part of the shim's cursor the host uses. */
export interface PagingCursor {
  getData(): unknown[];
  getTotal(): number | undefined;
  getPageSize(): number;
  hasNext(): boolean;
  hasPrevious(): boolean;
  next(ok: (page: unknown[]) => void, fail?: (error: string) => void): void;
  previous(ok: (page: unknown[]) => void, fail?: (error: string) => void): void;
}

interface Chain {
  cursor: PagingCursor;
  /** The page the shim's cursor is on, 0 for the first. */
  page: number;
  /** Requests on one cursor run one after another. */
  queue: Promise<void>;
}

export interface CursorTable {
  /** The reply to a first query: the envelope the SDK builds its cursor from. */
  first(cursor: PagingCursor): unknown;
  /** The reply to a `WixDataCursor` request for `cursorId`. */
  move(cursorId: unknown): Promise<unknown>;
}

export function createCursorTable(): CursorTable {
  const chains = new Map<string, Chain>();
  let nextChain = 1;

  const ids = (name: string, chain: Chain) => ({
    nextCursor: chain.cursor.hasNext() ? `${name}:${chain.page + 1}` : null,
    previousCursor: chain.cursor.hasPrevious() ? `${name}:${chain.page - 1}` : null,
  });

  return {
    first(cursor) {
      const name = `c${nextChain++}`;
      const chain: Chain = { cursor, page: 0, queue: Promise.resolve() };
      chains.set(name, chain);
      return { data: { results: cursor.getData(), total: cursor.getTotal(), pageSize: cursor.getPageSize(), ...ids(name, chain) } };
    },
    move(cursorId) {
      const [name, pageText] = typeof cursorId === 'string' ? cursorId.split(':') : [];
      const chain = name ? chains.get(name) : undefined;
      const target = Number(pageText);
      // An id this host never gave (or from before a reload): the HTTP API's "cursor expired".
      if (!chain || !Number.isInteger(target)) return Promise.resolve({ error: { errorCode: 410 } });
      const run = chain.queue.then(() => new Promise<unknown>((resolve) => {
        const step = target - chain.page;
        const done = (page: unknown[]) => {
          if (page.length) chain.page = target;
          resolve({ data: { results: page, ...ids(name as string, chain) } });
        };
        const fail = (error: string) => resolve(errorResponse(error));
        if (step === 1) chain.cursor.next(done, fail);
        else if (step === -1) chain.cursor.previous(done, fail);
        else if (step === 0) resolve({ data: { results: chain.cursor.getData(), ...ids(name as string, chain) } });
        else resolve({ error: { errorCode: 410 } });
      }));
      chain.queue = run.then(() => undefined, () => undefined);
      return run;
    },
  };
}
