// Smoke test of the BUILT package in plain Node (no DOM; IndexedDB from fake-indexeddb/auto, the
// SPEC §1 convention), run by test/built-esm.test.ts with cwd at the project root. 'wix-hive-shim'
// resolves to this package itself through the "exports" field of its package.json, i.e. to
// dist/index.js. The instance still gets a factory of its own, as apps and tests do.
import 'fake-indexeddb/auto';
import { createShim, Wix, WixDataCursor } from 'wix-hive-shim';
import { IDBFactory } from 'fake-indexeddb';

const env = {
  window: typeof window,
  document: typeof document,
  indexedDB: typeof indexedDB,
  IDBRequest: typeof IDBRequest,
  IDBKeyRange: typeof IDBKeyRange,
};

/** An SDK-style call as a promise; fails if the callback runs before the method returns. */
function call(start) {
  return new Promise((resolve, reject) => {
    let returned = false;
    start(
      (value) => (returned ? resolve(value) : reject(new Error('callback ran synchronously'))),
      (error) => reject(new Error(`failure callback: ${JSON.stringify(error)}`)),
    );
    returned = true;
  });
}

let t = Date.UTC(2024, 0, 1);
const factory = new IDBFactory();
const shim = createShim({ indexedDB: factory, dbName: 'esm-smoke', quiet: true, now: () => t });
const email = (i) => `c${String(i).padStart(2, '0')}@example.com`;

const created = [];
for (let i = 0; i < 30; i++) {
  const r = await call((ok, fail) => shim.Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: email(i) }] }, ok, fail));
  created.push({ id: r.contact.id, isNew: r.isNew });
  t += 1000;
}
const again = await call((ok, fail) => shim.Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: ' C00@Example.com ' }] }, ok, fail));

const cursor = await call((ok, fail) => shim.Wix.Contacts.getContacts({}, ok, fail));
const firstPage = cursor.getData().map((c) => c.emails[0].email);
const firstState = { hasNext: cursor.hasNext(), hasPrevious: cursor.hasPrevious() };
const nextPage = (await call((ok, fail) => cursor.next(ok, fail))).map((c) => c.emails[0].email);
const nextState = { hasNext: cursor.hasNext(), hasPrevious: cursor.hasPrevious() };
const status = await shim.status();
await shim.close();

console.log(JSON.stringify({
  env,
  exports: {
    createShim: typeof createShim,
    WixDataCursor: typeof WixDataCursor,
    defaultWixContacts: typeof Wix.Contacts.getContacts,
    wixError: Wix.Error.BAD_REQUEST,
  },
  created,
  again: { isNew: again.isNew, id: again.contact.id },
  cursor: {
    isWixDataCursor: cursor instanceof WixDataCursor,
    total: cursor.getTotal(),
    pageSize: cursor.getPageSize(),
    firstPage,
    firstState,
    nextPage,
    nextState,
  },
  status: { driver: status.driver, persisted: status.persisted, fallbackReason: status.fallbackReason ?? null, contacts: status.counts.contacts },
  // Which factory holds the database: the injected one, not the global one.
  databases: {
    injected: (await factory.databases()).map((d) => d.name),
    global: (await indexedDB.databases()).map((d) => d.name),
  },
}));
