/**
 * The IndexedDB driver, on `idb`. One connection per instance, opened lazily and reopened after
 * another tab's upgrade closes it (we close on `versionchange` rather than block that tab).
 *
 * `idb` recognises requests with `instanceof IDBRequest` (and the other IndexedDB globals), so an
 * injected factory works only beside the globals of its own implementation: in Node that is
 * fake-indexeddb's `import 'fake-indexeddb/auto'`. open.ts checks for them and falls back to
 * memory with a warning saying so; this file may assume them.
 */
import { unwrap, wrap, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type OpenDBCallbacks } from 'idb';
import { withHandledRejections, type Driver, type Key, type KeyRangeSpec, type ScanSpec, type Tx, type TxMode, type TxOptions } from './driver';
import { DB_VERSION, UPGRADES, type StoreName, type UpgradeDb } from './schema';

type AnyTx = IDBPTransaction<unknown, StoreName[], IDBTransactionMode>;
type VersionChangeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** What an idb store and an idb index share, as this driver uses it (idb's own types split them). */
interface Source {
  getAll(query?: IDBKeyRange, count?: number): Promise<unknown[]>;
  getAllKeys(query?: IDBKeyRange, count?: number): Promise<IDBValidKey[]>;
  count(query?: IDBKeyRange): Promise<number>;
  openKeyCursor(query?: IDBKeyRange, direction?: IDBCursorDirection): Promise<Cursor | null>;
  /** IndexedDB 3 (Chromium 141; not yet in every engine): records in either direction, one request. */
  getAllRecords?(options: { query: IDBKeyRange | null; count?: number; direction: IDBCursorDirection }): Promise<Array<{ primaryKey: IDBValidKey; value: unknown }>>;
}
interface Cursor {
  readonly key: IDBValidKey;
  /** idb: the same cursor `count` records on, or null past the last. */
  advance(count: number): Promise<Cursor | null>;
}

function toRange(spec: KeyRangeSpec | undefined): IDBKeyRange | undefined {
  if (!spec || (spec.lower === undefined && spec.upper === undefined)) return undefined;
  if (spec.lower === undefined) return IDBKeyRange.upperBound(spec.upper, spec.upperOpen);
  if (spec.upper === undefined) return IDBKeyRange.lowerBound(spec.lower, spec.lowerOpen);
  return IDBKeyRange.bound(spec.lower, spec.upper, spec.lowerOpen, spec.upperOpen);
}

/**
 * The last `limit` records of a range, last first, in one request where the engine has IndexedDB
 * 3's `getAllRecords` (Chromium 141 on; fake-indexeddb 6.2), else in three whatever the limit: the
 * last key, the key `limit - 1` records before it, and one `getAll` between the two. A cursor takes
 * a request per record, and each answer waits for a turn of the main thread: while a page is still
 * loading its scripts, ten of them were most of the dashboard's first page at 100,000 contacts
 * (issue 12). The three-request way can go once every engine the README names has `getAllRecords`.
 */
async function lastOf(src: Source, range: IDBKeyRange | undefined, limit: number, read: 'getAll' | 'getAllKeys'): Promise<unknown[]> {
  if (src.getAllRecords) {
    const records = await src.getAllRecords({ query: range ?? null, direction: 'prev', ...(Number.isFinite(limit) ? { count: limit } : {}) });
    return records.map((r) => (read === 'getAll' ? r.value : r.primaryKey));
  }
  if (!Number.isFinite(limit)) return (await src[read](range)).reverse();
  const last = await src.openKeyCursor(range, 'prev');
  if (!last) return [];
  // Read before advancing: idb moves this same cursor.
  const upper = last.key;
  const first = limit > 1 ? await last.advance(limit - 1) : last;
  const rows = await src[read](first ? IDBKeyRange.bound(first.key, upper) : range);
  // More than `limit` only when records tie on the first key: those past `limit` sort before it.
  return rows.slice(-limit).reverse();
}

/** The driver's `Tx` over one idb transaction (also the versionchange one of an upgrade). */
function txOver(tx: AnyTx): Tx {
  // Typed writable: in a readonly transaction IndexedDB itself throws ReadOnlyError on a write.
  const os = (store: StoreName) => tx.objectStore(store) as unknown as IDBPObjectStore<unknown, StoreName[], StoreName, 'readwrite'>;
  const source = (store: StoreName, index?: string): Source => {
    const s = tx.objectStore(store);
    return (index ? s.index(index) : s) as unknown as Source;
  };
  return {
    get: <T>(store: StoreName, key: Key) => os(store).get(key as IDBValidKey) as Promise<T | undefined>,
    scan<T>(store: StoreName, spec: ScanSpec) {
      const limit = spec.limit ?? Infinity;
      if (limit <= 0) return Promise.resolve([]);
      const src = source(store, spec.index);
      if (spec.direction !== 'prev') return src.getAll(toRange(spec.range), spec.limit) as Promise<T[]>;
      return lastOf(src, toRange(spec.range), limit, 'getAll') as Promise<T[]>;
    },
    keys(store, spec) {
      const limit = spec.limit ?? Infinity;
      if (limit <= 0) return Promise.resolve([]);
      const src = source(store, spec.index);
      // On an index, getAllKeys gives primary keys, as the Tx contract promises.
      if (spec.direction !== 'prev') return src.getAllKeys(toRange(spec.range), spec.limit) as Promise<Key[]>;
      return lastOf(src, toRange(spec.range), limit, 'getAllKeys') as Promise<Key[]>;
    },
    count: (store, spec = {}) => source(store, spec.index).count(toRange(spec.range)),
    put: async (store, row) => { await os(store).put(row); },
    delete: (store, key) => os(store).delete(key as IDBValidKey),
    clear: (store) => os(store).clear(),
    async putAll(store, rows) {
      // Every put issued before any is awaited, and one promise for the lot: IndexedDB completes
      // requests in order, so the last one settling means all did (or the transaction aborted).
      // The others go to the bare store: an idb promise each would be 100,000 promises for a seed,
      // and each would reject unhandled when the transaction aborts.
      const target = os(store);
      const bare = unwrap(target);
      const lastRow = rows.length - 1;
      for (let i = 0; i < lastRow; i++) bare.put(rows[i]);
      if (lastRow >= 0) await target.put(rows[lastRow]);
    },
  };
}

/**
 * `idb`'s `openDB`, on the injected factory: `openDB` always opens on the global `indexedDB`,
 * while an instance must use the factory it was given (`createShim({indexedDB})`; tests give each
 * instance a fresh one). Same callbacks, same contract.
 */
function openOn(factory: IDBFactory, name: string, version: number, { upgrade, blocked, blocking, terminated }: OpenDBCallbacks<unknown>): Promise<IDBPDatabase> {
  const request = factory.open(name, version);
  if (!((request as unknown) instanceof IDBRequest)) {
    // A factory of another implementation than the globals (fake-indexeddb beside a browser's
    // own): idb cannot wrap its requests. Abort any upgrade so nothing half-made is left behind.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => request.result.close();
    return Promise.reject(new TypeError(`the IndexedDB factory given is not the one of this environment's IndexedDB globals. ${IMPORT_AUTO}`));
  }
  const opening = wrap(request) as Promise<IDBPDatabase>;
  request.addEventListener('upgradeneeded', (event) => {
    upgrade?.(wrap(request.result), event.oldVersion, event.newVersion, wrap(request.transaction as IDBTransaction) as unknown as VersionChangeTx, event);
  });
  if (blocked) request.addEventListener('blocked', (event) => blocked(event.oldVersion, event.newVersion, event));
  return opening.then((db: IDBPDatabase) => {
    if (terminated) db.addEventListener('close', () => terminated());
    if (blocking) db.addEventListener('versionchange', (event) => blocking(event.oldVersion, event.newVersion, event));
    return db;
  });
}

/** What to do when idb cannot work with the factory; part of the one-line fallback warning. */
export const IMPORT_AUTO = "In Node, import 'fake-indexeddb/auto' before creating the shim and pass no factory, or its own `new IDBFactory()`";

/** Runs the upgrade steps from `oldVersion`, in the versionchange transaction; aborts it if one fails. */
function runUpgrades(db: IDBPDatabase, oldVersion: number, newVersion: number | null, tx: VersionChangeTx): void {
  const raw = db as unknown as UpgradeDb;
  const data = withHandledRejections(txOver(tx as unknown as AnyTx));
  let steps = Promise.resolve();
  for (let v = oldVersion; v < (newVersion ?? DB_VERSION); v++) {
    const step = UPGRADES[v];
    if (step) steps = steps.then(() => step(raw, data));
  }
  // The open then fails with the abort, and open.ts falls back to memory saying why; the open
  // request reports it, so the transaction's own `done` rejection is not a second, unhandled one.
  steps.catch(() => { try { tx.abort(); } catch { /* already finished */ } });
  tx.done.catch(() => undefined);
}

export interface IdbDriverOptions {
  factory: IDBFactory;
  name: string;
  /**
   * Told when the open waits for another connection at an older version to close (a tab on an
   * older copy of the shim, or another app's). The open goes on once it closes; nothing fails.
   */
  onBlocked?: (oldVersion: number) => void;
}

/** Opens the database (running any upgrade steps); rejects when the browser refuses. */
export async function openIdbDriver({ factory, name, onBlocked }: IdbDriverOptions): Promise<Driver> {
  let db: IDBPDatabase | undefined;
  let closed = false;

  const open = async (): Promise<IDBPDatabase> => {
    const opened: IDBPDatabase = await openOn(factory, name, DB_VERSION, {
      upgrade: runUpgrades,
      ...(onBlocked ? { blocked: (oldVersion: number) => onBlocked(oldVersion) } : {}),
      // Another tab wants to upgrade: step aside instead of blocking it; the next call reopens.
      blocking: () => {
        opened.close();
        if (db === opened) db = undefined;
      },
      // Closed by the browser (site data cleared, I/O error): reopen on the next call.
      terminated: () => {
        if (db === opened) db = undefined;
      },
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
      const tx = db.transaction(stores, mode, options?.durability ? { durability: options.durability } : undefined) as AnyTx;
      const committed = tx.done;
      // An abort ends the call even if the engine leaves a request of it unsettled (reported for
      // Chromium's quota aborts, dexie#840; decision 0010): the callback cannot hang on it. This
      // also handles `committed`'s rejection, so a read that returns before an abort reports none.
      const aborted = new Promise<never>((_, reject) => committed.catch(reject));
      let result: T;
      try {
        result = await Promise.race([fn(withHandledRejections(txOver(tx))), aborted]);
      } catch (error) {
        try { tx.abort(); } catch { /* already finished */ }
        throw error;
      }
      // A write is reported only once durable. A read has all it needs once its requests
      // succeed: waiting for `complete` as well costs a whole event-loop turn per call.
      if (mode === 'readwrite') {
        // Commit now rather than when the event loop next finds nothing pending.
        // (`commit` is missing before Safari 15; decision 0010, 12.)
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
