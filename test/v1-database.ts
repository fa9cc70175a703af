/**
 * A version-1 database built raw from test/fixtures/db-v1.json, as a version-1 shim left it, on a
 * fresh fake-indexeddb factory: for the upgrade tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { expect } from 'vitest';
import type { Contact } from '../src/core/types';

export async function v1Database() {
  const fx = JSON.parse(readFileSync(join(process.cwd(), 'test', 'fixtures', 'db-v1.json'), 'utf8')) as {
    dbName: string;
    version: number;
    layout: Record<string, { keyPath: string; indexes: Record<string, { keyPath: string | string[]; multiEntry: boolean; unique: boolean }> }>;
    records: Record<string, Array<{ contact?: Contact }>>;
  };
  expect(fx.version).toBe(1);
  const factory = new IDBFactory();
  // Built raw from the fixture alone, as a version-1 shim left it.
  await new Promise<void>((resolve, reject) => {
    const req = factory.open(fx.dbName, fx.version);
    req.onerror = () => reject(req.error);
    req.onupgradeneeded = () => {
      for (const [name, spec] of Object.entries(fx.layout)) {
        const store = req.result.createObjectStore(name, { keyPath: spec.keyPath });
        for (const [index, def] of Object.entries(spec.indexes)) store.createIndex(index, def.keyPath, { multiEntry: def.multiEntry, unique: def.unique });
      }
    };
    req.onsuccess = () => {
      const tx = req.result.transaction(Object.keys(fx.records), 'readwrite');
      for (const [name, rows] of Object.entries(fx.records)) for (const row of rows) tx.objectStore(name).put(row);
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onabort = () => reject(tx.error);
    };
  });
  return { fx, factory };
}
