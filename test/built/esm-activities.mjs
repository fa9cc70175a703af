// Run by test/built-esm-activities.test.ts in a plain Node child process (no DOM): imports the
// BUILT package by its own name (package.json `exports` → dist/index.js), posts one activity of
// every type it is given, reads each back, and prints one JSON line with every result.
// Usage: node test/built/esm-activities.mjs <input.json>, where input.json is
//   {"cases": [{"key": "ALBUM_FAN", "info": {...}}, ...]}  (key: a Wix.Activities.Type key)
import { readFileSync } from 'node:fs';
// The IndexedDB globals idb needs (SPEC §1); the instance still gets a factory of its own.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createShim } from 'wix-hive-shim';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const call = (start) =>
  new Promise((resolve) => {
    let returned = false;
    start(
      (value) => resolve({ ok: true, value, sync: !returned }),
      (error) => resolve({ ok: false, error, sync: !returned }),
    );
    returned = true;
  });

const shim = createShim({ indexedDB: new IDBFactory(), dbName: 'built-esm-activities', quiet: true, session: 'built' });
const { Activities } = shim.Wix;
const results = [];
for (const { key, info } of input.cases) {
  const type = Activities.Type[key];
  const posted = await call((ok, fail) => Activities.postActivity({ type, info, details: { additionalInfoUrl: null, summary: key } }, ok, fail));
  const read = posted.ok ? await call((ok, fail) => Activities.getActivityById(posted.value.activityId, ok, fail)) : null;
  results.push({ key, type, posted, read });
}
const listed = await call((ok, fail) => Activities.getActivities((cursor) => ok(cursor.getData()), fail, { pageSize: 100 }));
const status = await shim.status();
await shim.close();

process.stdout.write(
  `${JSON.stringify({
    hasDom: typeof globalThis.window !== 'undefined' || typeof globalThis.document !== 'undefined',
    typeKeys: Object.keys(Activities.Type),
    results,
    listedTypes: listed.ok ? listed.value.map((a) => a.activityType) : listed,
    status,
  })}\n`,
);
