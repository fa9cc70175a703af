/**
 * The storage driver of `wix-hive-shim serve`: records in memory, every committed transaction
 * handed to a sink as one journal entry, and the transaction's promise held until the sink says the
 * entry is on disk: a write is answered only once it is durable (decision 0019).
 *
 * It keeps the in-memory driver's layout, key order and one-at-a-time transactions with rollback,
 * and differs where a server needs it:
 * - each row is kept as its JSON text (which is also the journal's text): a read hands out
 *   `JSON.parse(text)`, several times cheaper than the memory driver's structuredClone on Node 20;
 * - hash indexes answer the equality lookups a write makes (email, phone, session), so that the
 *   cost of one write does not grow with the data (the memory driver sorts a whole store per scan).
 */
import { withHandledRejections, type Driver, type Key, type ScanSpec, type Tx, type TxMode } from '../storage/driver';
import { compareKeys, indexKeysOf, inRange, isValidKey, keyAt } from '../storage/keys';
import { LAYOUT, type StoreName } from '../storage/schema';

/** One change inside a journal entry: a whole row put, a row deleted, or a store cleared. */
export type JournalOp =
  | { s: StoreName; put: Record<string, unknown> }
  | { s: StoreName; del: Key }
  | { s: StoreName; clear: true };

/** Receives each committed transaction's ops as JSON texts of JournalOp; resolves once they are durable. */
export type JournalSink = (ops: string[]) => Promise<void>;

type Row = Record<string, unknown>;
type Stored = { text: string; row: Row };
type Table = Map<string, Stored>;

/** Single-valued string indexes written through by every put, looked up by equality. */
const HASHED: Partial<Record<StoreName, string[]>> = {
  contacts: ['byEmail', 'byPhone'],
  activities: ['bySession'],
};

const mapKey = (k: Key) => JSON.stringify(k);

/** The index keys of a row, as IndexedDB computes them (multiEntry arrays spread, invalid keys skipped). */
function indexKeys(store: StoreName, index: string, row: Row): Key[] {
  const spec = LAYOUT[store].indexes[index];
  if (!spec) throw new DOMException(`No index ${index} on ${store}`, 'NotFoundError');
  return indexKeysOf(row, spec);
}

/** Equality indexes: string index key → primary map keys. */
class HashIndexes {
  private readonly buckets = new Map<string, Map<string, Set<string>>>();

  private bucket(store: StoreName, index: string) {
    const id = `${store}/${index}`;
    let b = this.buckets.get(id);
    if (!b) this.buckets.set(id, (b = new Map()));
    return b;
  }

  /** Moves a row's entries from `before` to `after`; returns how to undo it. */
  update(store: StoreName, primary: string, before: Row | undefined, after: Row | undefined): () => void {
    const moves: Array<() => void> = [];
    for (const index of HASHED[store] ?? []) {
      const b = this.bucket(store, index);
      const out = before ? indexKeys(store, index, before).filter((k): k is string => typeof k === 'string') : [];
      const into = after ? indexKeys(store, index, after).filter((k): k is string => typeof k === 'string') : [];
      const add = (k: string) => { let s = b.get(k); if (!s) b.set(k, (s = new Set())); s.add(primary); };
      const remove = (k: string) => { const s = b.get(k); s?.delete(primary); if (s && !s.size) b.delete(k); };
      out.forEach(remove);
      into.forEach(add);
      moves.push(() => { into.forEach(remove); out.forEach(add); });
    }
    return () => moves.reverse().forEach((m) => m());
  }

  clear(store: StoreName): () => void {
    const saved = (HASHED[store] ?? []).map((index) => [`${store}/${index}`, this.buckets.get(`${store}/${index}`)] as const);
    for (const [id] of saved) this.buckets.delete(id);
    return () => { for (const [id, b] of saved) if (b) this.buckets.set(id, b); };
  }

  /** The primary map keys under an equality key; undefined when this scan is not a hashed equality. */
  lookup(store: StoreName, spec: ScanSpec): string[] | undefined {
    const { index, range } = spec;
    if (!index || !(HASHED[store] ?? []).includes(index) || !range) return undefined;
    if (typeof range.lower !== 'string' || range.lower !== range.upper || range.lowerOpen || range.upperOpen) return undefined;
    return [...(this.buckets.get(`${store}/${index}`)?.get(range.lower) ?? [])];
  }
}

export interface JournalDriver extends Driver {
  /** Where committed transactions go; none (the default) while loading. */
  setSink(sink: JournalSink | undefined): void;
  /** Applies journal ops as one transaction, without journaling them again (replay on load). */
  apply(ops: JournalOp[]): Promise<void>;
}

export function createJournalDriver(): JournalDriver {
  const tables = new Map<StoreName, Table>();
  for (const name of Object.keys(LAYOUT) as StoreName[]) tables.set(name, new Map());
  const hashes = new HashIndexes();
  let sink: JournalSink | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const table = (store: StoreName) => tables.get(store)!;
  const primaryOf = (store: StoreName, row: Row) => keyAt(row, LAYOUT[store].keyPath) as Key;

  /** Rows of a scan in index order, with their primary keys. */
  function entries(store: StoreName, spec: ScanSpec): Array<{ primary: Key; stored: Stored }> {
    const t = table(store);
    const hashed = hashes.lookup(store, spec);
    let out: Array<{ key: Key; primary: Key; stored: Stored }>;
    if (hashed) {
      out = hashed.map((k) => t.get(k)!).map((stored) => ({ key: spec.range!.lower!, primary: primaryOf(store, stored.row), stored }));
    } else {
      out = [];
      for (const stored of t.values()) {
        const primary = primaryOf(store, stored.row);
        for (const key of spec.index ? indexKeys(store, spec.index, stored.row) : [primary]) {
          if (inRange(key, spec.range)) out.push({ key, primary, stored });
        }
      }
    }
    out.sort((a, b) => compareKeys(a.key, b.key) || compareKeys(a.primary, b.primary));
    if (spec.direction === 'prev') out.reverse();
    return spec.limit !== undefined ? out.slice(0, spec.limit) : out;
  }

  function makeTx(mode: TxMode, ops: string[], undo: Array<() => void>): Tx {
    const writable = () => {
      if (mode !== 'readwrite') throw new DOMException('The transaction is read-only.', 'ReadOnlyError');
    };
    const set = (store: StoreName, k: string, next: Stored | undefined) => {
      const t = table(store);
      const before = t.get(k);
      if (next) t.set(k, next); else t.delete(k);
      const unindex = hashes.update(store, k, before?.row, next?.row);
      undo.push(() => {
        unindex();
        if (before) t.set(k, before); else t.delete(k);
      });
    };
    return {
      async get<T>(store: StoreName, key: Key) {
        const stored = table(store).get(mapKey(key));
        return (stored ? JSON.parse(stored.text) : undefined) as T | undefined;
      },
      async scan<T>(store: StoreName, spec: ScanSpec) {
        return entries(store, spec).map((e) => JSON.parse(e.stored.text)) as T[];
      },
      async keys(store: StoreName, spec: ScanSpec) {
        return entries(store, spec).map((e) => e.primary);
      },
      async count(store: StoreName, spec: Pick<ScanSpec, 'index' | 'range'> = {}) {
        return spec.index || spec.range ? entries(store, spec).length : table(store).size;
      },
      async put(store: StoreName, row: object) {
        writable();
        const text = JSON.stringify(row);
        const own = JSON.parse(text) as Row;
        const primary = primaryOf(store, own);
        if (!isValidKey(primary)) throw new DOMException(`The row has no valid key at ${LAYOUT[store].keyPath}`, 'DataError');
        set(store, mapKey(primary), { text, row: own });
        ops.push(`{"s":"${store}","put":${text}}`);
      },
      async delete(store: StoreName, key: Key) {
        writable();
        set(store, mapKey(key), undefined);
        ops.push(JSON.stringify({ s: store, del: key }));
      },
      async clear(store: StoreName) {
        writable();
        const t = table(store);
        const before = new Map(t);
        const unindex = hashes.clear(store);
        t.clear();
        undo.push(() => { unindex(); for (const [k, v] of before) t.set(k, v); });
        ops.push(JSON.stringify({ s: store, clear: true }));
      },
    };
  }

  function run<T>(mode: TxMode, fn: (tx: Tx) => Promise<T>, journal: boolean): Promise<T> {
    let durable: Promise<void> | undefined;
    const result = queue.then(async () => {
      if (closed) throw new DOMException('The database connection is closed.', 'InvalidStateError');
      const ops: string[] = [];
      const undo: Array<() => void> = [];
      try {
        const out = await fn(withHandledRejections(makeTx(mode, ops, undo)));
        // Handed over before the next transaction starts, so the journal keeps commit order.
        if (journal && ops.length && sink) durable = sink(ops);
        return out;
      } catch (error) {
        for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
        throw error;
      }
    });
    queue = result.catch(() => undefined);
    // Waited for outside the queue: the next transactions run meanwhile and share the next fsync.
    return result.then(async (out) => {
      if (durable) await durable;
      return out;
    });
  }

  return {
    kind: 'memory',
    persisted: true,
    run: (mode, _stores, fn) => run(mode, fn, true),
    close() {
      closed = true;
    },
    setSink(next) {
      sink = next;
    },
    apply(ops) {
      return run('readwrite', async (tx) => {
        for (const op of ops) {
          if ('put' in op) await tx.put(op.s, op.put);
          else if ('del' in op) await tx.delete(op.s, op.del);
          else await tx.clear(op.s);
        }
      }, false);
    },
  };
}
