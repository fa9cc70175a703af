// F3 on the built package, in a process of its own: foreign messages on the shim's channel must
// not throw (an uncaught TypeError there ends a Node process) nor reach a listener. Prints what
// the listeners heard as JSON. Run from the project root.
import { IDBFactory } from 'fake-indexeddb';
import { createShim } from 'wix-hive-shim';

const dbName = 'attack-foreign-message';
const shim = createShim({ dbName, indexedDB: new IDBFactory(), quiet: true });
const heard = [];
shim.on('change', (e) => heard.push(e));
shim.on('webhook', (e) => heard.push(e));
await shim.status();
const foreign = new BroadcastChannel(`wix-hive-shim:${dbName}`);
for (const message of [{ hello: 1 }, { changes: 'abc' }, { changes: 'abc', webhooks: 'xyz' }, null, 'text', { changes: [null], webhooks: [] }]) {
  foreign.postMessage(message);
}
await new Promise((r) => setTimeout(r, 300));
foreign.close();
await shim.close();
console.log(JSON.stringify({ heard }));
