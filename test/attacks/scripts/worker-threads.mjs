// F11 on the built package: Node's BroadcastChannel spans worker threads, but each thread's
// fake-indexeddb is its own storage. A worker writes to `dbName` on its IndexedDB; the main thread,
// on the same dbName in its own IndexedDB, must hear nothing. Prints JSON. Run from the project root.
import 'fake-indexeddb/auto';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { createShim } from 'wix-hive-shim';

const dbName = 'attack-worker-threads';

if (isMainThread) {
  const shim = createShim({ dbName, quiet: true });
  const heard = [];
  shim.on('change', (e) => heard.push(e));
  shim.on('webhook', (e) => heard.push(e));
  const { driver } = await shim.status();
  const worker = new Worker(new URL(import.meta.url));
  const written = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await new Promise((r) => setTimeout(r, 300));
  await worker.terminate();
  await shim.close();
  console.log(JSON.stringify({ driver, written, heard }));
} else {
  const shim = createShim({ dbName, quiet: true });
  const contactId = await new Promise((resolve, reject) =>
    shim.Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: 'worker@example.com' }] }, (r) => resolve(r.contact.id), reject));
  await shim.clear();
  await shim.close(); // sends what is pending on the channel
  parentPort.postMessage({ contactId });
}
