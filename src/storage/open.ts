/** Chooses the driver: IndexedDB when it opens, else memory, announced once (SPEC §3). */
import type { Driver } from './driver';
import { IMPORT_AUTO, openIdbDriver } from './idb-driver';
import { createMemoryDriver } from './memory-driver';

export interface OpenedStorage {
  driver: Driver;
  /** Why IndexedDB was not used, when it was not. */
  fallbackReason?: string;
}

/** The global factory, if reading it is allowed (a sandboxed iframe throws SecurityError here). */
export function globalFactory(): IDBFactory | undefined {
  try {
    return (globalThis as { indexedDB?: IDBFactory }).indexedDB ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether `idb` can work here: it recognises requests, cursors… by the global classes. */
function hasIdbGlobals(): boolean {
  const g = globalThis as Record<string, unknown>;
  return ['IDBRequest', 'IDBKeyRange', 'IDBTransaction', 'IDBDatabase', 'IDBObjectStore', 'IDBIndex', 'IDBCursor'].every((n) => typeof g[n] === 'function');
}

/**
 * @param factory an injected IDBFactory; `null` asks for memory; `undefined` means the global one.
 * @param onBlocked told when the open waits for an older version's connection to close.
 */
export async function openStorage(name: string, factory: IDBFactory | null | undefined, onBlocked?: (oldVersion: number) => void): Promise<OpenedStorage> {
  if (factory === null) return { driver: createMemoryDriver(), fallbackReason: 'memory storage was requested (indexedDB: null)' };
  const chosen = factory ?? globalFactory();
  if (!chosen) return { driver: createMemoryDriver(), fallbackReason: 'this environment has no IndexedDB' };
  if (!hasIdbGlobals()) {
    return { driver: createMemoryDriver(), fallbackReason: `an IndexedDB factory was given, but the IndexedDB globals it needs (IDBRequest, IDBKeyRange…) are missing. ${IMPORT_AUTO}` };
  }
  try {
    return { driver: await openIdbDriver({ factory: chosen, name, ...(onBlocked ? { onBlocked } : {}) }) };
  } catch (error) {
    const why = (error as { message?: string } | null)?.message ?? String(error);
    return { driver: createMemoryDriver(), fallbackReason: `IndexedDB refused to open (${why})` };
  }
}
