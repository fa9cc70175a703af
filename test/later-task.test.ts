/**
 * Issue 9 item 3 (decision 0012): every callback arrives in a later task, never in a microtask
 * of the calling task, even with zero latency and even for a failure found before any storage.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Shim } from '../src/shim/create-shim';
import { taskEnded, taskMark } from '../src/wix/later';
import { newShim } from './helpers';

let s: Shim;
afterEach(() => s?.close());

/** A long chain of microtasks, as the calling task's own promise work would run. */
async function drainMicrotasks(): Promise<void> {
  for (let i = 0; i < 200; i++) await Promise.resolve();
}
const nextTask = () => new Promise((ok) => setTimeout(ok, 0));

describe('callbacks in a later task', () => {
  it('none runs in the calling task or its microtasks; each runs once afterwards', async () => {
    s = newShim();
    const ran: string[] = [];
    const mark = (name: string) => () => ran.push(name);
    s.Wix.Activities.getUserSessionToken(mark('getUserSessionToken'));
    s.Wix.Activities.postActivity({ type: 'nope' } as never, mark('postActivity success'), mark('postActivity failure'));
    s.Wix.getSiteInfo(mark('getSiteInfo'));
    s.Wix.Settings.openModal('https://x.test', 1, 1, mark('inert openModal'));
    s.Wix.Styles.getSiteColors(mark('getSiteColors'));
    await drainMicrotasks();
    expect(ran).toEqual([]);
    for (let i = 0; i < 20 && ran.length < 5; i++) await nextTask();
    expect(ran.sort()).toEqual(['getSiteColors', 'getSiteInfo', 'getUserSessionToken', 'inert openModal', 'postActivity failure']);
  });

  it("the one exception stays: a cursor's next() with no page calls onSuccess([]) at once", async () => {
    s = newShim();
    const cursor = await new Promise<any>((ok, no) => s.Wix.Contacts.getContacts({}, ok, no));
    const pages: unknown[] = [];
    cursor.next((page: unknown) => pages.push(page));
    expect(pages).toEqual([[]]);
  });
});

describe('task marks: a result from another task skips the second hop, never the first', () => {
  it('a mark has not ended in its own task or any of its microtasks, and has once a later task ran', async () => {
    const mark = taskMark();
    expect(taskEnded(mark)).toBe(false);
    await drainMicrotasks();
    expect(taskEnded(mark)).toBe(false);
    await new Promise((ok) => setImmediate(ok));
    await new Promise((ok) => setImmediate(ok));
    expect(taskEnded(mark)).toBe(true);
  });

  it.each(['indexeddb', 'memory'] as const)('a call never calls back in the calling task, whichever task its storage answers in (%s)', async (driver) => {
    // IndexedDB answers in a task of its own; the memory driver within the calling task's microtasks.
    s = newShim(driver === 'memory' ? { indexedDB: null } : {});
    expect((await s.status()).driver).toBe(driver);
    for (let round = 0; round < 5; round++) {
      const ran: string[] = [];
      s.Wix.Contacts.getContactById('missing', () => ran.push('ok'), () => ran.push('not found'));
      s.Wix.Contacts.getContacts({ pageSize: 1 }, () => ran.push('page'), () => ran.push('failed'));
      await drainMicrotasks();
      expect(ran).toEqual([]);
      for (let i = 0; i < 20 && ran.length < 2; i++) await nextTask();
      expect(ran.sort()).toEqual(['not found', 'page']);
    }
  });
});
