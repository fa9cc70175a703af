/** Starts a keyset query and wires a WixDataCursor to it; shared by getContacts and getActivities. */
import type { WixErrorCode } from '../core/errors';
import type { ShimContext } from '../shim/context';
import type { PagePlan, SortKey } from '../storage/paging';
import { settle, type Callback } from './calling';
import { WixDataCursor } from './cursor';

export interface CursorQuery {
  method: string;
  doing: string;
  /** Builds the plan and page size; may throw a ShimFailure for invalid options. */
  plan: () => { plan: PagePlan; pageSize: number };
  withTotal: boolean;
}

export function runCursorQuery<T>(
  ctx: ShimContext,
  q: CursorQuery,
  onSuccess: Callback<WixDataCursor<T>>,
  onFailure: Callback<WixErrorCode>,
): void {
  let plan: PagePlan;
  let pageSize: number;
  let first: SortKey | undefined;
  let last: SortKey | undefined;
  settle<WixDataCursor<T>, WixErrorCode>({
    method: q.method,
    doing: q.doing,
    reporter: ctx.reporter,
    delay: ctx.delay,
    onSuccess,
    onFailure,
    failureValue: (f) => f.code,
    work: async () => {
      ctx.fault(q.method);
      ({ plan, pageSize } = q.plan());
      const page = await ctx.store.page<T>(plan, pageSize, undefined, true, q.withTotal);
      first = page.first;
      last = page.last;
      return new WixDataCursor<T>(page.items, page.total, pageSize, page.more, {
        callbackThrew: (error) => ctx.reporter.callbackThrew(`${q.method} cursor`, error),
        load(forward, ok, fail) {
          settle<{ items: T[]; more: boolean }, WixErrorCode>({
            method: `${q.method} cursor.${forward ? 'next' : 'previous'}`,
            doing: `read the ${forward ? 'next' : 'previous'} page`,
            reporter: ctx.reporter,
            delay: ctx.delay,
            failureValue: (f) => f.code,
            onFailure: fail,
            onSuccess: (p) => ok(p.items, p.more),
            work: async () => {
              ctx.fault(q.method);
              const next = await ctx.store.page<T>(plan, pageSize, forward ? last : first, forward, false);
              if (next.first && next.last) { first = next.first; last = next.last; }
              return next;
            },
          });
        },
      });
    },
  });
}
