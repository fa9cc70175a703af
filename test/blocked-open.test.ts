/**
 * Opening waits, and says why, while another connection at an older version will not close: a tab
 * on an older copy of the shim, or another app's code, that ignores `versionchange`. Falling back to
 * memory would hide the stored data and lose what the page writes; failing would hang nothing but
 * lose the call. So the calls wait, one warning says what to do, and they go on once it closes.
 */
import { describe, expect, it } from 'vitest';
import type { Contact } from '../src/core/types';
import type { WixDataCursor } from '../src/wix/cursor';
import { newShim } from './helpers';
import { v1Database } from './v1-database';

const turns = async (n: number) => { for (let i = 0; i < n; i++) await new Promise((ok) => setImmediate(ok)); };

describe('an upgrade blocked by an older connection', () => {
  it('waits with one warning naming the fix, then opens with the stored data', async () => {
    const { fx, factory } = await v1Database();
    // The other tab: version 1 open, and no versionchange handler that would close it.
    const other = await new Promise<IDBDatabase>((ok, no) => {
      const req = factory.open(fx.dbName, 1);
      req.onsuccess = () => ok(req.result);
      req.onerror = () => no(req.error);
    });
    const shim = newShim({ indexedDB: factory, dbName: fx.dbName });
    let page: WixDataCursor<Contact> | undefined;
    let failed: unknown;
    shim.Wix.Contacts.getContacts({}, (cursor) => { page = cursor; }, (error) => { failed = error; });
    await turns(50);
    expect(page).toBeUndefined();
    expect(failed).toBeUndefined();
    const waiting = shim.log().filter((e) => e.message.includes('Waiting to open'));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.message).toContain(`'${fx.dbName}'`);
    expect(waiting[0]!.message).toContain('at version 1');
    expect(waiting[0]!.message).toContain('Close or reload');

    other.close();
    for (let i = 0; i < 100 && !page && failed === undefined; i++) await turns(1);
    expect(failed).toBeUndefined();
    expect(page!.getTotal()).toBe(fx.records.contacts!.length);
    expect((await shim.status()).driver).toBe('indexeddb');
    await shim.close();
  });
});
