/**
 * The one interface both storage drivers implement. A transaction callback must await only the
 * `Tx` methods: IndexedDB commits a transaction as soon as it waits on anything else.
 */
import type { StoreName } from './schema';

/** A valid IndexedDB key of the kinds this project stores. */
export type Key = string | number | Key[];

export interface KeyRangeSpec {
  lower?: Key;
  upper?: Key;
  lowerOpen?: boolean;
  upperOpen?: boolean;
}

export interface ScanSpec {
  /** An index of the store; the primary key when absent. */
  index?: string;
  range?: KeyRangeSpec;
  /** `next` ascends the key order, `prev` descends it. */
  direction?: 'next' | 'prev';
  limit?: number;
}

export interface Tx {
  get<T>(store: StoreName, key: Key): Promise<T | undefined>;
  /** Records in index order. */
  scan<T>(store: StoreName, spec: ScanSpec): Promise<T[]>;
  /** Primary keys of the records in `spec`, in index order. */
  keys(store: StoreName, spec: ScanSpec): Promise<Key[]>;
  count(store: StoreName, spec?: Pick<ScanSpec, 'index' | 'range'>): Promise<number>;
  put(store: StoreName, row: object): Promise<void>;
  /** Puts every row, all issued at once; settles when the last one is written. */
  putAll?(store: StoreName, rows: object[]): Promise<void>;
  delete(store: StoreName, key: Key): Promise<void>;
  clear(store: StoreName): Promise<void>;
}

export type TxMode = 'readonly' | 'readwrite';

export interface TxOptions {
  /** `relaxed` trades crash safety for speed; bulk seeding uses it. */
  durability?: 'default' | 'strict' | 'relaxed';
}

export interface Driver {
  readonly kind: 'indexeddb' | 'memory';
  /** True when data outlives the page (IndexedDB). */
  readonly persisted: boolean;
  /** Runs `fn` in one transaction: all its writes land, or none do. */
  run<T>(mode: TxMode, stores: StoreName[], fn: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T>;
  close(): void;
}

/**
 * Marks every promise a `Tx` method returns as handled (awaiting it still throws). When one write
 * fails, the transaction aborts and its other requests fail too; a caller that stopped at the
 * first error never awaits those, and they must not surface as unhandled rejections.
 */
export function withHandledRejections(tx: Tx): Tx {
  const out = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(tx) as Array<[string, (...args: unknown[]) => Promise<unknown>]>) {
    out[name] = (...args: unknown[]) => {
      let p: Promise<unknown>;
      try {
        p = method(...args);
      } catch (error) {
        p = Promise.reject(error); // a value that cannot be cloned throws inside put()
      }
      p.catch(() => undefined);
      return p;
    };
  }
  return out as unknown as Tx;
}
