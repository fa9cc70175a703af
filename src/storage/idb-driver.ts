/**
 * The IndexedDB driver, on `idb`. One connection per instance, opened lazily and reopened after
 * another tab's upgrade closes it (we close on `versionchange` rather than block that tab).
 */
import { wrap as wrapRequest, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Driver, Key, KeyRangeSpec, ScanSpec, Tx, TxMode, TxOptions } from './driver';
import { DB_VERSION, UPGRADES, type StoreName, type UpgradeDb } from './schema';

type AnyTx = IDBPTransaction<unknown, StoreName[], TxMode>;

function toRange(spec: KeyRangeSpec | undefined): IDBKeyRange | undefined {
  if (!spec || (spec.lower === undefined && spec.upper === undefined)) return undefined;
  if (spec.lower === undefined) return IDBKeyRange.upperBound(spec.upper, spec.upperOpen);
  if (spec.upper === undefined) return IDBKeyRange.lowerBound(spec.lower, spec.lowerOpen);
  return IDBKeyRange.bound(spec.lower, spec.upper, spec.lowerOpen, spec.upperOpen);
}

function source(tx: AnyTx, store: StoreName, index?: string) {
  const s = tx.objectStore(store);
  return index ? s.index(index) : s;
}

function wrap(tx: AnyTx): Tx {
  async function walk<T>(store: StoreName, spec: ScanSpec, pick: (c: { value: unknown; primaryKey: IDBValidKey }) => T) {
    const out: T[] = [];
    const limit = spec.limit ?? Infinity;
    if (limit <= 0) return out;
    let cursor = await source(tx, store, spec.index).openCursor(toRange(spec.range), spec.direction ?? 'next');
    while (cursor) {
      out.push(pick(cursor));
      if (out.length >= limit) break;
      cursor = await cursor.continue();
    }
    return out;
  }
  return {
    get: (store, key) => tx.objectStore(store).get(key as IDBValidKey) as Promise<never>,
    scan<T>(store: StoreName, spec: ScanSpec) {
      // getAll is one request for the whole page; only a descending scan needs the cursor.
      if (spec.direction !== 'prev') {
        return source(tx, store, spec.index).getAll(toRange(spec.range), spec.limit) as Promise<T[]>;
      }
      return walk(store, spec, (c) => c.value as T);
    },
    keys(store, spec) {
      if (spec.direction !== 'prev') {
        const src = source(tx, store, spec.index);
        const range = toRange(spec.range);
        // On an index, getAllKeys gives primary keys, as the Tx contract promises.
        return src.getAllKeys(range, spec.limit) as Promise<Key[]>;
      }
      return walk(store, spec, (c) => c.primaryKey as Key);
    },
    count: (store, spec = {}) => source(tx, store, spec.index).count(toRange(spec.range)),
    put: async (store, row) => { await tx.objectStore(store).put!(row); },
    delete: (store, key) => tx.objectStore(store).delete!(key as IDBValidKey),
    clear: (store) => tx.objectStore(store).clear!(),
  };
}

export interface IdbDriverOptions {
  factory: IDBFactory;
  name: string;
}

/** Opens the database (running any upgrade steps); rejects when the browser refuses. */
export async function openIdbDriver({ factory, name }: IdbDriverOptions): Promise<Driver> {
  let db: IDBPDatabase | undefined;
  let closed = false;

  const open = async (): Promise<IDBPDatabase> => {
    const request = factory.open(name, DB_VERSION);
    request.onupgradeneeded = (event) => {
      const raw = request.result as unknown as UpgradeDb;
      for (let v = event.oldVersion; v < (event.newVersion ?? DB_VERSION); v++) UPGRADES[v]?.(raw);
    };
    const opened = (await wrapRequest(request)) as unknown as IDBPDatabase;
    // Another tab wants to upgrade: step aside instead of blocking it; the next call reopens.
    opened.addEventListener('versionchange', () => {
      opened.close();
      if (db === opened) db = undefined;
    });
    opened.addEventListener('close', () => {
      if (db === opened) db = undefined;
    });
    return opened;
  };

  db = await open();

  return {
    kind: 'indexeddb',
    persisted: true,
    async run<T>(mode: TxMode, stores: StoreName[], fn: (tx: Tx) => Promise<T>, options?: TxOptions) {
      if (closed) throw new DOMException('The shim was closed.', 'InvalidStateError');
      if (!db) db = await open();
      const tx = db.transaction(stores, mode, options?.durability ? { durability: options.durability } : undefined) as unknown as AnyTx;
      let result: T;
      try {
        result = await fn(wrap(tx));
      } catch (error) {
        try { tx.abort(); } catch { /* already finished */ }
        tx.done.catch(() => undefined);
        throw error;
      }
      await tx.done;
      return result;
    },
    close() {
      closed = true;
      db?.close();
      db = undefined;
    },
  };
}
