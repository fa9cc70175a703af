/**
 * The IndexedDB driver. One connection per instance, opened lazily and reopened after another
 * tab's upgrade closes it (we close on `versionchange` rather than block that tab).
 *
 * It works only through the objects the factory hands out and never names an IndexedDB global.
 * Why: in Node the injected factory (fake-indexeddb, SPEC §1) comes without `IDBRequest`,
 * `IDBKeyRange`… globals. The `idb` wrapper this driver used tests `instanceof IDBRequest`, so
 * there every open threw "IDBRequest is not defined" and each Node instance silently fell back to
 * memory (caught by test/built-esm.test.ts). Requests are promisified here instead, and where no
 * usable `IDBKeyRange` exists, a key range is walked with a cursor that seeks to its start
 * (`continue(key)`) and stops at its end, comparing keys with the factory's own `cmp`.
 */
import { withHandledRejections, type Driver, type Key, type KeyRangeSpec, type ScanSpec, type Tx, type TxMode, type TxOptions } from './driver';
import { DB_VERSION, UPGRADES, type StoreName, type UpgradeDb } from './schema';

type Source = IDBObjectStore | IDBIndex;
type KeyRanges = Pick<typeof IDBKeyRange, 'bound' | 'lowerBound' | 'upperBound' | 'only'>;
type Compare = (a: unknown, b: unknown) => number;

// The Tx methods built on it are marked handled by withHandledRejections (driver.ts), in run().
function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

const bounded = (spec: KeyRangeSpec | undefined): spec is KeyRangeSpec =>
  !!spec && (spec.lower !== undefined || spec.upper !== undefined);

function toRange(ranges: KeyRanges, spec: KeyRangeSpec | undefined): IDBKeyRange | undefined {
  if (!bounded(spec)) return undefined;
  if (spec.lower === undefined) return ranges.upperBound(spec.upper, spec.upperOpen);
  if (spec.upper === undefined) return ranges.lowerBound(spec.lower, spec.lowerOpen);
  return ranges.bound(spec.lower, spec.upper, spec.lowerOpen, spec.upperOpen);
}

/**
 * The implementation's key range class: the global one when this factory accepts its ranges (a
 * page may inject fake-indexeddb beside a native IndexedDB), else none, and ranges are walked.
 */
function keyRangesFor(db: IDBDatabase): KeyRanges | undefined {
  try {
    const ranges = (globalThis as { IDBKeyRange?: KeyRanges }).IDBKeyRange;
    if (!ranges) return undefined;
    // Throws a DataError at once when the range is not this implementation's own.
    db.transaction('meta', 'readonly').objectStore('meta').count(ranges.only(0));
    return ranges;
  } catch {
    return undefined;
  }
}

function wrap(tx: IDBTransaction, ranges: KeyRanges | undefined, cmp: Compare): Tx {
  const source = (store: StoreName, index?: string): Source => {
    const s = tx.objectStore(store);
    return index ? s.index(index) : s;
  };
  /** Whether the spec's range can be handed to IndexedDB as is. */
  const native = (spec: { range?: KeyRangeSpec }) => !!ranges || !bounded(spec.range);

  /** Walks a cursor over the spec's range, in its direction, up to its limit. */
  function walk<T>(store: StoreName, spec: ScanSpec, keysOnly: boolean, pick: (c: IDBCursor) => T): Promise<T[]> {
    const limit = spec.limit ?? Infinity;
    const direction = spec.direction ?? 'next';
    const range = spec.range;
    const emulate = !native(spec) && bounded(range);
    return new Promise((resolve, reject) => {
      const out: T[] = [];
      if (limit <= 0) { resolve(out); return; }
      const src = source(store, spec.index);
      const query = emulate || !ranges ? undefined : toRange(ranges, range);
      const req = (keysOnly ? src.openKeyCursor(query, direction) : src.openCursor(query, direction)) as IDBRequest<IDBCursor | null>;
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) { resolve(out); return; }
        if (emulate && range) {
          // In walking order: the range starts at `start` and ends at `end`.
          const back = direction === 'prev';
          const sign = back ? -1 : 1;
          const start = back ? range.upper : range.lower;
          const end = back ? range.lower : range.upper;
          if (start !== undefined) {
            const c = sign * cmp(cursor.key, start);
            if (c < 0) { cursor.continue(start as IDBValidKey); return; }
            if (c === 0 && (back ? range.upperOpen : range.lowerOpen)) { cursor.continue(); return; }
          }
          if (end !== undefined) {
            const c = sign * cmp(cursor.key, end);
            if (c > 0 || (c === 0 && (back ? range.lowerOpen : range.upperOpen))) { resolve(out); return; }
          }
        }
        out.push(pick(cursor));
        if (out.length >= limit) { resolve(out); return; }
        cursor.continue();
      };
    });
  }

  return {
    get: <T>(store: StoreName, key: Key) => request(tx.objectStore(store).get(key as IDBValidKey)) as Promise<T | undefined>,
    scan<T>(store: StoreName, spec: ScanSpec) {
      // getAll is one request for the whole page; a descending scan or a walked range needs the cursor.
      if (spec.direction !== 'prev' && native(spec)) {
        return request(source(store, spec.index).getAll(ranges ? toRange(ranges, spec.range) : undefined, spec.limit)) as Promise<T[]>;
      }
      return walk(store, spec, false, (c) => (c as IDBCursorWithValue).value as T);
    },
    keys(store, spec) {
      if (spec.direction !== 'prev' && native(spec)) {
        // On an index, getAllKeys gives primary keys, as the Tx contract promises.
        return request(source(store, spec.index).getAllKeys(ranges ? toRange(ranges, spec.range) : undefined, spec.limit)) as Promise<Key[]>;
      }
      return walk(store, spec, true, (c) => c.primaryKey as Key);
    },
    async count(store, spec = {}) {
      if (native(spec)) return request(source(store, spec.index).count(ranges ? toRange(ranges, spec.range) : undefined));
      return (await walk(store, spec, true, () => 0)).length;
    },
    put: async (store, row) => { await request(tx.objectStore(store).put(row)); },
    delete: (store, key) => request(tx.objectStore(store).delete(key as IDBValidKey)),
    clear: (store) => request(tx.objectStore(store).clear()),
    async putAll(store, rows) {
      // One object-store handle and one promise for the lot, not one of each per row. Async, so a
      // row that cannot be cloned rejects this promise instead of throwing past its siblings.
      const os = tx.objectStore(store);
      let last: IDBRequest | undefined;
      for (const row of rows) last = os.put(row);
      return last ? request(last).then(() => undefined) : Promise.resolve();
    },
  };
}

/** Settles when the transaction commits; rejects when it aborts. */
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = () => reject(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
    tx.oncomplete = () => resolve();
    tx.onabort = failed;
    tx.onerror = failed;
  });
}

export interface IdbDriverOptions {
  factory: IDBFactory;
  name: string;
}

/** Opens the database (running any upgrade steps); rejects when the browser refuses. */
export async function openIdbDriver({ factory, name }: IdbDriverOptions): Promise<Driver> {
  let db: IDBDatabase | undefined;
  let closed = false;
  let ranges: KeyRanges | undefined;
  const cmp: Compare = (a, b) => factory.cmp(a, b);

  const open = async (): Promise<IDBDatabase> => {
    const req = factory.open(name, DB_VERSION);
    req.onupgradeneeded = (event) => {
      const raw = req.result as unknown as UpgradeDb;
      for (let v = event.oldVersion; v < (event.newVersion ?? DB_VERSION); v++) UPGRADES[v]?.(raw);
    };
    const opened = await request(req);
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
  ranges = keyRangesFor(db);

  return {
    kind: 'indexeddb',
    persisted: true,
    async run<T>(mode: TxMode, stores: StoreName[], fn: (tx: Tx) => Promise<T>, options?: TxOptions) {
      if (closed) throw new DOMException('The shim was closed.', 'InvalidStateError');
      if (!db) db = await open();
      const tx = db.transaction(stores, mode, options?.durability ? { durability: options.durability } : undefined);
      const committed = done(tx);
      // An abort ends the call even if the engine leaves a request of it unsettled (reported for
      // Chromium's quota aborts, dexie#840; decision 0010): the callback cannot hang on it. This
      // also handles `committed`'s rejection, so a read that returns before an abort reports none.
      const aborted = new Promise<never>((_, reject) => committed.catch(reject));
      let result: T;
      try {
        result = await Promise.race([fn(withHandledRejections(wrap(tx, ranges, cmp))), aborted]);
      } catch (error) {
        try { tx.abort(); } catch { /* already finished */ }
        throw error;
      }
      // A write is reported only once durable. A read has all it needs once its requests
      // succeed: waiting for `complete` as well costs a whole event-loop turn per call.
      if (mode === 'readwrite') {
        // Commit now rather than when the event loop next finds nothing pending.
        try { tx.commit?.(); } catch { /* already committing */ }
        await committed;
      }
      return result;
    },
    close() {
      closed = true;
      db?.close();
      db = undefined;
    },
  };
}
