/** Chooses the driver: IndexedDB when it opens, else memory, announced once (SPEC §3). */
import type { Driver } from './driver';
import { openIdbDriver } from './idb-driver';
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

/**
 * @param factory an injected IDBFactory; `null` asks for memory; `undefined` means the global one.
 */
export async function openStorage(name: string, factory: IDBFactory | null | undefined): Promise<OpenedStorage> {
  if (factory === null) return { driver: createMemoryDriver(), fallbackReason: 'memory storage was requested (indexedDB: null)' };
  const chosen = factory ?? globalFactory();
  if (!chosen) return { driver: createMemoryDriver(), fallbackReason: 'this environment has no IndexedDB' };
  try {
    return { driver: await openIdbDriver({ factory: chosen, name }) };
  } catch (error) {
    const why = (error as { message?: string } | null)?.message ?? String(error);
    return { driver: createMemoryDriver(), fallbackReason: `IndexedDB refused to open (${why})` };
  }
}
