/**
 * An IndexedDB factory: the browser's `indexedDB`, or fake-indexeddb's `new IDBFactory()` in Node.
 * Declared by shape, not as the DOM's `IDBFactory`, so that the published types compile without the
 * DOM lib (SPEC §1; issue 12). Both of those are assignable to it.
 */
export interface IndexedDBFactory {
  open(name: string, version?: number): object;
  deleteDatabase(name: string): object;
  cmp(first: unknown, second: unknown): number;
}
