/**
 * The in-memory driver: used where IndexedDB is missing or refuses to open (Node without a
 * factory, a sandboxed iframe, some private modes). Same layout and key order as IndexedDB;
 * transactions run one at a time and roll back on failure, so atomicity holds as it does there.
 * Index scans sort on demand: fine for prototypes, not for 100,000 records.
 */
import { withHandledRejections, type Driver, type Key, type ScanSpec, type Tx, type TxMode } from './driver';
import { compareKeys, indexKeysOf, inRange, keyAt } from './keys';
import { LAYOUT, type StoreName } from './schema';

type Row = Record<string, unknown>;
type Entry = { key: Key; primary: Key; row: Row };

const clone = <T>(v: T): T => structuredClone(v);

export function createMemoryDriver(): Driver {
  const stores = new Map<StoreName, Map<string, Row>>();
  for (const name of Object.keys(LAYOUT) as StoreName[]) stores.set(name, new Map());
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const table = (store: StoreName) => stores.get(store) as Map<string, Row>;
  const primaryOf = (store: StoreName, row: Row) => keyAt(row, LAYOUT[store].keyPath) as Key;
  const mapKey = (k: Key) => JSON.stringify(k);

  function entries(store: StoreName, spec: ScanSpec): Entry[] {
    const out: Entry[] = [];
    const index = spec.index ? LAYOUT[store].indexes[spec.index] : undefined;
    if (spec.index && !index) throw new DOMException(`No index ${spec.index} on ${store}`, 'NotFoundError');
    for (const row of table(store).values()) {
      const primary = primaryOf(store, row);
      const keys = index ? indexKeysOf(row, index) : [primary];
      for (const key of keys) if (inRange(key, spec.range)) out.push({ key, primary, row });
    }
    out.sort((a, b) => compareKeys(a.key, b.key) || compareKeys(a.primary, b.primary));
    if (spec.direction === 'prev') out.reverse();
    return spec.limit !== undefined ? out.slice(0, spec.limit) : out;
  }

  function makeTx(mode: TxMode, undo: Array<() => void>): Tx {
    const writable = () => {
      if (mode !== 'readwrite') throw new DOMException('The transaction is read-only.', 'ReadOnlyError');
    };
    return {
      async get<T>(store: StoreName, key: Key) {
        const row = table(store).get(mapKey(key));
        return (row ? clone(row) : undefined) as T | undefined;
      },
      async scan<T>(store: StoreName, spec: ScanSpec) {
        return entries(store, spec).map((e) => clone(e.row)) as T[];
      },
      async keys(store: StoreName, spec: ScanSpec) {
        return entries(store, spec).map((e) => e.primary);
      },
      async count(store: StoreName, spec: Pick<ScanSpec, 'index' | 'range'> = {}) {
        return entries(store, spec).length;
      },
      async put(store: StoreName, row: object) {
        writable();
        const copy = clone(row) as Row;
        const k = mapKey(primaryOf(store, copy));
        const t = table(store);
        const before = t.get(k);
        undo.push(() => (before ? t.set(k, before) : t.delete(k)));
        t.set(k, copy);
      },
      async delete(store: StoreName, key: Key) {
        writable();
        const t = table(store);
        const k = mapKey(key);
        const before = t.get(k);
        if (before) undo.push(() => t.set(k, before));
        t.delete(k);
      },
      async clear(store: StoreName) {
        writable();
        const t = table(store);
        const before = new Map(t);
        undo.push(() => { t.clear(); for (const [k, v] of before) t.set(k, v); });
        t.clear();
      },
    };
  }

  return {
    kind: 'memory',
    persisted: false,
    run<T>(mode: TxMode, _stores: StoreName[], fn: (tx: Tx) => Promise<T>) {
      const result = queue.then(async () => {
        if (closed) throw new DOMException('The database connection is closed.', 'InvalidStateError');
        const undo: Array<() => void> = [];
        try {
          return await fn(withHandledRejections(makeTx(mode, undo)));
        } catch (error) {
          for (let i = undo.length - 1; i >= 0; i--) (undo[i] as () => void)();
          throw error;
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
    close() {
      closed = true;
    },
  };
}
