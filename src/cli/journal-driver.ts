/**
 * The storage driver of `wix-hive-shim serve`: the in-memory driver, plus
 * - every committed transaction handed to a sink as one journal entry (its whole-record puts,
 *   deletes and clears, in order), and the transaction's promise held until the sink says the
 *   entry is on disk: a write is answered only once it is durable (decision 0019);
 * - hash indexes for the equality lookups a write makes (email, phone, session), so that the cost
 *   of one write does not grow with the data: the memory driver sorts a whole store per index scan.
 */
import { createMemoryDriver } from '../storage/memory-driver';
import type { Driver, Key, ScanSpec, Tx, TxMode } from '../storage/driver';
import { keyAt } from '../storage/keys';
import { LAYOUT, type StoreName } from '../storage/schema';

/** One change inside a journal entry: a whole row put, a row deleted, or a store cleared. */
export type JournalOp =
  | { s: StoreName; put: Record<string, unknown> }
  | { s: StoreName; del: Key }
  | { s: StoreName; clear: true };

/** Receives each committed transaction's ops; resolves once they are durable. */
export type JournalSink = (ops: JournalOp[]) => Promise<void>;

/** Single-valued string indexes written through by every put, looked up by equality. */
const HASHED: Partial<Record<StoreName, string[]>> = {
  contacts: ['byEmail', 'byPhone'],
  activities: ['bySession'],
};

type Bucket = Map<string, Set<string>>;

/** Equality indexes: index key → primary keys, and primary key → its index keys (to unindex it). */
class HashIndexes {
  private readonly byKey = new Map<string, Bucket>();
  private readonly ofRow = new Map<string, Map<string, string[]>>();

  private id(store: StoreName, index: string) {
    return `${store}/${index}`;
  }

  private keysOf(store: StoreName, index: string, row: Record<string, unknown>): string[] {
    const spec = LAYOUT[store].indexes[index];
    const value = spec?.multiEntry ? row[spec.keyPath as string] : keyAt(row, spec?.keyPath ?? '');
    const list = Array.isArray(value) ? value : [value];
    return [...new Set(list.filter((k): k is string => typeof k === 'string'))];
  }

  /** Indexes a row; returns how to undo it. */
  put(store: StoreName, primary: string, row: Record<string, unknown> | undefined): () => void {
    const undo: Array<() => void> = [];
    for (const index of HASHED[store] ?? []) {
      const id = this.id(store, index);
      const bucket = this.byKey.get(id) ?? this.byKey.set(id, new Map()).get(id)!;
      const rows = this.ofRow.get(id) ?? this.ofRow.set(id, new Map()).get(id)!;
      const before = rows.get(primary) ?? [];
      const after = row ? this.keysOf(store, index, row) : [];
      for (const k of before) bucket.get(k)?.delete(primary);
      for (const k of after) (bucket.get(k) ?? bucket.set(k, new Set()).get(k)!).add(primary);
      if (after.length) rows.set(primary, after); else rows.delete(primary);
      undo.push(() => {
        for (const k of after) bucket.get(k)?.delete(primary);
        for (const k of before) (bucket.get(k) ?? bucket.set(k, new Set()).get(k)!).add(primary);
        if (before.length) rows.set(primary, before); else rows.delete(primary);
      });
    }
    return () => undo.reverse().forEach((u) => u());
  }

  clear(store: StoreName): () => void {
    const saved = (HASHED[store] ?? []).map((index) => {
      const id = this.id(store, index);
      const entry = [id, this.byKey.get(id), this.ofRow.get(id)] as const;
      this.byKey.delete(id);
      this.ofRow.delete(id);
      return entry;
    });
    return () => {
      for (const [id, bucket, rows] of saved) {
        if (bucket) this.byKey.set(id, bucket);
        if (rows) this.ofRow.set(id, rows);
      }
    };
  }

  /** The primary keys under an equality key, in key order (IndexedDB's order for equal index keys); undefined when not hashed. */
  lookup(store: StoreName, spec: ScanSpec): string[] | undefined {
    const { index, range } = spec;
    if (!index || !(HASHED[store] ?? []).includes(index) || !range) return undefined;
    if (typeof range.lower !== 'string' || range.lower !== range.upper || range.lowerOpen || range.upperOpen) return undefined;
    const found = [...(this.byKey.get(this.id(store, index))?.get(range.lower) ?? [])].sort();
    if (spec.direction === 'prev') found.reverse();
    return spec.limit !== undefined ? found.slice(0, spec.limit) : found;
  }
}

export interface JournalDriver extends Driver {
  /** Where committed transactions go; none (the default) while loading. */
  setSink(sink: JournalSink | undefined): void;
  /** Applies journal ops as one transaction, without journaling them again (replay on load). */
  apply(ops: JournalOp[]): Promise<void>;
}

export function createJournalDriver(): JournalDriver {
  const base = createMemoryDriver();
  const hashes = new HashIndexes();
  let sink: JournalSink | undefined;

  const primaryOf = (store: StoreName, row: object) => String(keyAt(row as Record<string, unknown>, LAYOUT[store].keyPath));

  /** The base transaction, with puts, deletes and clears recorded and mirrored in the hash indexes. */
  function recording(tx: Tx, ops: JournalOp[], undo: Array<() => void>): Tx {
    return {
      ...tx,
      async scan<T>(store: StoreName, spec: ScanSpec) {
        const primaries = hashes.lookup(store, spec);
        if (!primaries) return tx.scan<T>(store, spec);
        const rows = await Promise.all(primaries.map((p) => tx.get<T>(store, p)));
        return rows.filter((r): r is Awaited<T> => r !== undefined) as T[];
      },
      async keys(store: StoreName, spec: ScanSpec) {
        return hashes.lookup(store, spec) ?? tx.keys(store, spec);
      },
      put(store: StoreName, row: object) {
        // The memory driver changes its map synchronously when put is called: record in that order.
        const done = tx.put(store, row);
        ops.push({ s: store, put: JSON.parse(JSON.stringify(row)) as Record<string, unknown> });
        undo.push(hashes.put(store, primaryOf(store, row), row as Record<string, unknown>));
        return done;
      },
      delete(store: StoreName, key: Key) {
        const done = tx.delete(store, key);
        ops.push({ s: store, del: key });
        undo.push(hashes.put(store, String(key), undefined));
        return done;
      },
      clear(store: StoreName) {
        const done = tx.clear(store);
        ops.push({ s: store, clear: true });
        undo.push(hashes.clear(store));
        return done;
      },
    };
  }

  async function run<T>(mode: TxMode, stores: StoreName[], fn: (tx: Tx) => Promise<T>, journal: boolean): Promise<T> {
    let durable: Promise<void> | undefined;
    const result = await base.run(mode, stores, async (tx) => {
      const ops: JournalOp[] = [];
      const undo: Array<() => void> = [];
      try {
        const out = await fn(recording(tx, ops, undo));
        // Handed over before the next transaction starts, so the journal keeps commit order.
        if (journal && ops.length && sink) durable = sink(ops);
        return out;
      } catch (error) {
        for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
        throw error;
      }
    });
    if (durable) await durable;
    return result;
  }

  return {
    kind: 'memory',
    persisted: true,
    run: (mode, stores, fn) => run(mode, stores, fn, true),
    close: () => base.close(),
    setSink(next) {
      sink = next;
    },
    apply(ops) {
      return run('readwrite', [...new Set(ops.map((o) => o.s))], async (tx) => {
        for (const op of ops) {
          if ('put' in op) await tx.put(op.s, op.put);
          else if ('del' in op) await tx.delete(op.s, op.del);
          else await tx.clear(op.s);
        }
      }, false);
    },
  };
}
