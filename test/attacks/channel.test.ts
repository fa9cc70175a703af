/**
 * Attacks on events (issue 12: F3, F8, F11), in one Node process: foreign messages on the
 * cross-tab channel `wix-hive-shim:<dbName>` reach no listener; only instances on the same storage
 * hear each other; `on()` names an unknown event for every name that is not one. Worker threads and
 * a whole process are in node-runtime.test.ts; tabs and sandboxed frames in test/browser/attacks.test.ts.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, WebhookEvent } from '../../src/shim/events';
import { storageScope } from '../../src/storage/scope';
import { closedAfterEach, newShim, success } from '../helpers';

type Shim = ReturnType<typeof newShim>;

const channels: BroadcastChannel[] = [];
const shim = closedAfterEach();
afterEach(() => {
  for (const c of channels.splice(0)) c.close();
});

let n = 0;
const uniqueDb = () => `attacks-channel-${process.pid}-${++n}`;
const reconcile = (s: Shim, email: string) =>
  success((ok, fail) => s.Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email }] }, ok, fail));
/** Long enough for a BroadcastChannel message (batched for 10 ms) to arrive. */
const wait = (ms = 80) => new Promise((r) => setTimeout(r, ms));

/** Everything an instance's listeners receive. */
function heard(s: Shim): Array<ChangeEvent | WebhookEvent> {
  const seen: Array<ChangeEvent | WebhookEvent> = [];
  s.on('change', (e) => seen.push(e));
  s.on('webhook', (e) => seen.push(e));
  return seen;
}

describe('F3: foreign messages on the channel are ignored', () => {
  const FOREIGN: unknown[] = [
    { hello: 1 },
    { changes: 'abc' },
    { changes: 'abc', webhooks: 'xyz' },
    { changes: [null], webhooks: [] },
    { changes: [{ event: 'created', entity: 'contact' }], webhooks: [] },
    { changes: [], webhooks: [{ eventType: '/contacts/created' }] },
    { changes: [{ event: 'created', entity: 'contact', id: 'x' }], webhooks: [] },
    { wixHiveShim: 1, scope: 'indexeddb', changes: 'abc', webhooks: [] },
    null,
    'a string',
    42,
    [1, 2, 3],
  ];
  /** Malformed messages that name this instance's own storage, so only their shape gives them away. */
  const scoped = (scope: string): unknown[] => [
    { wixHiveShim: 1, scope, changes: 'abc', webhooks: [] },
    { wixHiveShim: 1, scope, changes: [], webhooks: 'abc' },
    { wixHiveShim: 1, scope, changes: [null], webhooks: [] },
    { wixHiveShim: 1, scope, changes: [{ event: 'created', entity: 'contact' }], webhooks: [] },
    { wixHiveShim: 1, scope, changes: [{ event: 'created', entity: 'user', id: 'x' }], webhooks: [] },
    { wixHiveShim: 1, scope, changes: [{ event: 'created', entity: 'contact', id: 'ok' }, 'abc'], webhooks: [] },
    { wixHiveShim: 1, scope, changes: [], webhooks: [{ eventType: '/contacts/created', body: null }] },
    { wixHiveShim: 1, scope, changes: [], webhooks: [{ eventType: '/activities/posted', body: { activityId: 'a', activityType: 1 } }] },
    { wixHiveShim: 2, scope, changes: [{ event: 'replaced', entity: 'all' }], webhooks: [] },
  ];

  it('malformed messages naming this storage reach no listener; a well-formed one does', async () => {
    const dbName = uniqueDb();
    const factory = new IDBFactory();
    const s = shim({ dbName, indexedDB: factory });
    const seen = heard(s);
    await s.status();
    const scope = storageScope(factory)!;
    const foreign = new BroadcastChannel(`wix-hive-shim:${dbName}`);
    channels.push(foreign);
    for (const message of scoped(scope)) foreign.postMessage(message);
    await wait();
    expect(seen).toEqual([]);
    // The control: the same channel and scope with the shim's own shape is heard, rebuilt field by field.
    foreign.postMessage({ wixHiveShim: 1, scope, changes: [{ event: 'deleted', entity: 'contact', id: 'c1', extra: 'dropped' }], webhooks: [] });
    await wait();
    expect(seen).toEqual([{ event: 'deleted', entity: 'contact', id: 'c1' }]);
  });

  it('no listener hears any of them and the instance keeps working', async () => {
    const dbName = uniqueDb();
    // The global factory (fake-indexeddb's, from test/setup.ts): the storage a foreign page would name.
    const s = shim({ dbName, indexedDB: indexedDB });
    const seen = heard(s);
    await s.status();
    const foreign = new BroadcastChannel(`wix-hive-shim:${dbName}`);
    channels.push(foreign);
    for (const message of FOREIGN) foreign.postMessage(message);
    await wait();
    expect(seen).toEqual([]);
    const r = (await reconcile(s, 'still@works.example')) as { contact: { id: string } };
    expect(seen).toContainEqual({ event: 'created', entity: 'contact', id: r.contact.id });
  });
});

describe('F11: only instances on the same storage hear each other', () => {
  it('separate fake-indexeddb factories with one dbName do not cross-talk', async () => {
    const dbName = uniqueDb();
    const a = shim({ dbName, indexedDB: new IDBFactory() });
    const b = shim({ dbName, indexedDB: new IDBFactory() });
    const seenB = heard(b);
    await b.status();
    await reconcile(a, 'a@example.com');
    await wait();
    expect(seenB).toEqual([]);
  });

  it('two memory instances with one dbName do not cross-talk', async () => {
    const dbName = uniqueDb();
    const a = shim({ dbName, indexedDB: null });
    const b = shim({ dbName, indexedDB: null });
    const seenB = heard(b);
    await b.status();
    await reconcile(a, 'a@example.com');
    await a.clear();
    await wait();
    expect(seenB).toEqual([]);
  });

  it('instances on one factory and dbName still hear each other', async () => {
    const dbName = uniqueDb();
    const factory = new IDBFactory();
    const a = shim({ dbName, indexedDB: factory });
    const b = shim({ dbName, indexedDB: factory });
    const seenB = heard(b);
    await b.status();
    const r = (await reconcile(a, 'a@example.com')) as { contact: { id: string } };
    await wait();
    expect(seenB).toEqual([
      { event: 'created', entity: 'contact', id: r.contact.id },
      { eventType: '/contacts/created', body: { contactId: r.contact.id } },
    ]);
  });
});

describe('F8: on() with a name that is not an event', () => {
  it('an unprintable or huge name still gets the shim’s message, briefly', () => {
    const s = shim();
    expect(() => s.on(Object.create(null) as 'change', () => {})).toThrow(/^\[wix-hive-shim\] on\(\): unknown event '\[object Object\]'/);
    let message = '';
    try { s.on('x'.repeat(1_000_000) as 'change', () => {}); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/unknown event 'x+… \(1000000 characters\)'/);
    expect(message.length).toBeLessThan(200);
  });

  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    it(`on('${name}', fn) throws the unknown-event message`, () => {
      const s = shim();
      expect(() => s.on(name as 'change', () => {})).toThrow(`[wix-hive-shim] on(): unknown event '${name}'. Use 'change' or 'webhook'`);
    });
  }
});
