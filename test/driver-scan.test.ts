/**
 * Descending scans (`direction: 'prev'`) on the IndexedDB driver read a page in one request
 * (`getAllRecords`, where the engine has it) or three (the last key, the key `limit - 1` before it,
 * one getAll between them), never a cursor step per record. Both ways must return exactly what a
 * record-by-record 'prev' walk returns: the memory driver, which sorts and reverses, is the oracle.
 * Ties on a non-unique index are the hard case: IndexedDB orders them by primary key, and the page
 * may cut through them.
 */
import { IDBFactory, IDBIndex, IDBObjectStore } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, KeyRangeSpec, ScanSpec } from '../src/storage/driver';
import { openIdbDriver } from '../src/storage/idb-driver';
import { createMemoryDriver } from '../src/storage/memory-driver';

/** 40 activities: `created` with repeats (ties on byCreated's first part, never on the whole key), a session shared by many. */
const ROWS = Array.from({ length: 40 }, (_, i) => ({
  id: `a${String((i * 17) % 40).padStart(2, '0')}`,
  created: 1000 + Math.floor(i / 3),
  type: 'form/form',
  session: i % 4 === 0 ? 'busy' : `s${i % 7}`,
  activity: { n: i },
}));

const open: Driver[] = [];
afterEach(() => { for (const d of open.splice(0)) d.close(); });

async function drivers(): Promise<{ idb: Driver; memory: Driver }> {
  const idb = await openIdbDriver({ factory: new IDBFactory(), name: 'scan' });
  const memory = createMemoryDriver();
  open.push(idb, memory);
  for (const d of [idb, memory]) await d.run('readwrite', ['activities'], async (tx) => { for (const r of ROWS) await tx.put('activities', r); });
  return { idb, memory };
}

const ids = (rows: unknown[]) => rows.map((r) => (r as { id: string }).id);

const RANGES: Array<[string, KeyRangeSpec | undefined]> = [
  ['no range', undefined],
  ['closed', { lower: [1002], upper: [1009, []] }],
  ['open at both ends', { lower: [1002, 'a10'], upper: [1009, 'a20'], lowerOpen: true, upperOpen: true }],
  ['empty', { lower: [2000], upper: [3000] }],
];
const LIMITS = [1, 2, 5, 13, 14, 40, 41, 100, undefined];

/** Hides `getAllRecords`, as engines without IndexedDB 3 lack it, for the suite's duration. */
function withoutGetAllRecords() {
  const protos = [IDBIndex.prototype, IDBObjectStore.prototype] as unknown as Array<Record<string, unknown>>;
  const saved = protos.map((p) => p.getAllRecords);
  beforeAll(() => { for (const p of protos) delete p.getAllRecords; });
  afterAll(() => { protos.forEach((p, i) => { p.getAllRecords = saved[i]; }); });
}

for (const way of ['getAllRecords', 'three requests'] as const) describe(`descending scans on IndexedDB (${way}) equal a record-by-record walk`, () => {
  if (way === 'three requests') withoutGetAllRecords();
  it('reads the way it says', () => {
    expect(typeof (IDBIndex.prototype as unknown as Record<string, unknown>).getAllRecords).toBe(way === 'getAllRecords' ? 'function' : 'undefined');
  });

  it('on byCreated and on the store itself, for every limit and range', async () => {
    const { idb, memory } = await drivers();
    let compared = 0;
    for (const [, range] of RANGES) {
      for (const limit of LIMITS) {
        for (const index of ['byCreated', undefined]) {
          const spec: ScanSpec = { direction: 'prev', ...(index ? { index } : {}), ...(limit === undefined ? {} : { limit }), ...(range && index ? { range } : {}) };
          const [got, want] = await Promise.all([idb, memory].map((d) => d.run('readonly', ['activities'], (tx) => tx.scan('activities', spec))));
          expect(ids(got!), JSON.stringify(spec)).toEqual(ids(want!));
          const [gotKeys, wantKeys] = await Promise.all([idb, memory].map((d) => d.run('readonly', ['activities'], (tx) => tx.keys('activities', spec))));
          expect(gotKeys, JSON.stringify(spec)).toEqual(wantKeys);
          compared++;
        }
      }
    }
    expect(compared).toBe(RANGES.length * LIMITS.length * 2);
  });

  it('on a non-unique index, where the page cuts through records that tie on the key', async () => {
    const { idb, memory } = await drivers();
    const busy = ROWS.filter((r) => r.session === 'busy').length;
    expect(busy).toBe(10);
    for (const limit of [1, 3, 9, 10, 11, 12, 25, undefined]) {
      const spec: ScanSpec = { index: 'bySession', direction: 'prev', ...(limit === undefined ? {} : { limit }) };
      const [got, want] = await Promise.all([idb, memory].map((d) => d.run('readonly', ['activities'], (tx) => tx.scan('activities', spec))));
      expect(ids(got!), `limit ${limit}`).toEqual(ids(want!));
      expect(got!.length).toBe(Math.min(limit ?? Infinity, ROWS.length));
    }
    // Only the tied key in range: the page is the last primary keys among the ties.
    const only = { lower: 'busy', upper: 'busy' };
    const [got] = await Promise.all([idb].map((d) => d.run('readonly', ['activities'], (tx) => tx.scan('activities', { index: 'bySession', range: only, direction: 'prev', limit: 4 }))));
    const expected = ROWS.filter((r) => r.session === 'busy').map((r) => r.id).sort().reverse().slice(0, 4);
    expect(ids(got!)).toEqual(expected);
  });
});
