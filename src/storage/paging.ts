/**
 * Keyset paging over one or more index ranges whose keys end in `[created, id]` (SPEC §2.4).
 * A page is read as "the next pageSize + 1 keys after the boundary" from each source, merged:
 * the cost of a page never depends on its depth, and inserts between calls neither repeat nor
 * skip records already paged past.
 */
import type { Key, Tx } from './driver';
import type { StoreName } from './schema';

/** A record's position in the sort order. */
export type SortKey = [created: number, id: string];

/** One index range: the index's key is `[...prefix, created, id]`. */
export interface PageSource {
  index: string;
  prefix: Key[];
}

export interface PagePlan {
  store: StoreName;
  sources: PageSource[];
  /** Inclusive bounds on `created`. */
  from?: number;
  until?: number;
  /** `desc`: newest first (the SDK's order). */
  order: 'desc' | 'asc';
}

export interface PageResult<R> {
  rows: R[];
  /** More records lie beyond the page in the direction it was read. */
  more: boolean;
}

type Row = { id: string; created: number };

const sortKeyOf = (r: Row): SortKey => [r.created, r.id];

function compareSort(a: Row, b: Row): number {
  return a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Reads one page. `forward` follows the plan's order; backward reads toward its start (for
 * `previous`) and returns the rows in plan order all the same. `after` is exclusive.
 */
export async function readPage<R extends Row>(
  tx: Tx,
  plan: PagePlan,
  pageSize: number,
  after: SortKey | undefined,
  forward = true,
): Promise<PageResult<R>> {
  const ascending = (plan.order === 'asc') === forward;
  const lists = await Promise.all(
    plan.sources.map((source) => {
      // An array sorts after every number and string, so `[..., until, []]` closes the range
      // after every id at `until`; a shorter key sorts first, so `[..., from]` opens it before.
      let lower: Key[] = [...source.prefix, plan.from ?? -Infinity];
      let upper: Key[] = [...source.prefix, plan.until ?? Infinity, []];
      let lowerOpen = false;
      let upperOpen = false;
      if (after) {
        if (ascending) { lower = [...source.prefix, ...after]; lowerOpen = true; }
        else { upper = [...source.prefix, ...after]; upperOpen = true; }
      }
      return tx.scan<R>(plan.store, {
        index: source.index,
        range: { lower, upper, lowerOpen, upperOpen },
        direction: ascending ? 'next' : 'prev',
        limit: pageSize + 1,
      });
    }),
  );
  let merged: R[];
  if (lists.length === 1) merged = lists[0] as R[];
  else {
    const byId = new Map<string, R>();
    for (const list of lists) for (const r of list) byId.set(r.id, r);
    merged = [...byId.values()].sort(ascending ? compareSort : (a, b) => compareSort(b, a)).slice(0, pageSize + 1);
  }
  const more = merged.length > pageSize;
  const rows = merged.slice(0, pageSize);
  if (!forward) rows.reverse();
  return { rows, more };
}

/** How many distinct records the plan covers. */
export async function countPlan(tx: Tx, plan: PagePlan): Promise<number> {
  const ranges = plan.sources.map((source) => ({
    index: source.index,
    range: { lower: [...source.prefix, plan.from ?? -Infinity], upper: [...source.prefix, plan.until ?? Infinity, []] },
  }));
  if (ranges.length === 1) return tx.count(plan.store, ranges[0]);
  const ids = new Set<string>();
  for (const r of ranges) for (const k of await tx.keys(plan.store, r)) ids.add(k as string);
  return ids.size;
}

export { sortKeyOf };
