/**
 * Issue 2, Wix.Contacts.getContacts and its WixDataCursor (SPEC §2.3, §2.4; facts §5): order,
 * page size, keyset paging under inserts, previous/next state, labels, option errors.
 */
import { describe, it, expect } from 'vitest';
import type { Contact, ReconcileResult } from '../src/core/types';
import type { Shim } from '../src/shim/create-shim';
import { WixDataCursor } from '../src/wix/cursor';
import { newShim, success, failure } from './helpers';

type Cursor = WixDataCursor<Contact>;

const getContacts = (shim: Shim, options: unknown) =>
  success<Cursor>((ok, fail) => shim.Wix.Contacts.getContacts(options as never, ok, fail as never));
const getContactsFails = (shim: Shim, options: unknown) =>
  failure<unknown>((ok, fail) => shim.Wix.Contacts.getContacts(options as never, ok as never, fail as never));
const next = (cursor: Cursor) => success<Contact[]>((ok, fail) => cursor.next(ok, fail));
const previous = (cursor: Cursor) => success<Contact[]>((ok, fail) => cursor.previous(ok, fail));
const reconcile = (shim: Shim, address: string) =>
  success<ReconcileResult>((ok, fail) => shim.Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: address }] }, ok, fail));

const emailsOf = (page: Contact[]) => page.map((c) => c.emails[0]?.email);
const mail = (i: number) => `c${String(i).padStart(3, '0')}@example.com`;

/** A clock the test moves by hand. */
function clock(start = Date.UTC(2024, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms = 1000) => { t += ms; }, set: (v: number) => { t = v; } };
}

/** Reconciles `n` contacts c000…, one second apart (or all at one instant with a constant clock). */
async function addContacts(shim: Shim, n: number, c?: { advance: (ms?: number) => void }, from = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + n; i++) {
    ids.push((await reconcile(shim, mail(i))).contact.id);
    c?.advance();
  }
  return ids;
}

describe('getContacts order', () => {
  it('lists newest first by createdAt', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    await addContacts(shim, 5, c);
    const cursor = await getContacts(shim, {});
    expect(emailsOf(cursor.getData())).toEqual([mail(4), mail(3), mail(2), mail(1), mail(0)]);
    const created = cursor.getData().map((x) => Date.parse(x.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('keeps creation order within one millisecond (constant clock), newest first', async () => {
    const shim = newShim({ now: () => Date.UTC(2024, 0, 1) });
    const ids = await addContacts(shim, 8);
    const cursor = await getContacts(shim, {});
    expect(new Set(cursor.getData().map((x) => x.createdAt)).size).toBe(1);
    expect(cursor.getData().map((x) => x.id)).toEqual([...ids].reverse());
    expect(emailsOf(cursor.getData())).toEqual([7, 6, 5, 4, 3, 2, 1, 0].map(mail));
  });

  it('sorts by createdAt, not by insertion, when the clock goes back', async () => {
    const c = clock(Date.UTC(2024, 0, 10));
    const shim = newShim({ now: c.now });
    await reconcile(shim, 'late@example.com');
    c.set(Date.UTC(2024, 0, 1));
    await reconcile(shim, 'early@example.com');
    c.set(Date.UTC(2024, 0, 20));
    await reconcile(shim, 'latest@example.com');
    const cursor = await getContacts(shim, {});
    expect(emailsOf(cursor.getData())).toEqual(['latest@example.com', 'late@example.com', 'early@example.com']);
  });

  it('an empty store gives an empty first page', async () => {
    const shim = newShim();
    const cursor = await getContacts(shim, {});
    expect(cursor).toBeInstanceOf(WixDataCursor);
    expect(cursor.getData()).toEqual([]);
    expect(cursor.getTotal()).toBe(0);
    expect(cursor.hasNext()).toBe(false);
    expect(cursor.hasPrevious()).toBe(false);
  });
});

describe('getContacts page size', () => {
  it('defaults to 25', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    await addContacts(shim, 30, c);
    const cursor = await getContacts(shim, {});
    expect(cursor.getData()).toHaveLength(25);
    expect(cursor.getPageSize()).toBe(25);
    expect(cursor.getTotal()).toBe(30);
    expect(cursor.hasNext()).toBe(true);
    expect(cursor.hasPrevious()).toBe(false);
    expect(emailsOf(cursor.getData())).toEqual(Array.from({ length: 25 }, (_, i) => mail(29 - i)));
  });

  it('null options are accepted and give the defaults', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    await addContacts(shim, 27, c);
    const cursor = await getContacts(shim, null);
    expect(cursor.getData()).toHaveLength(25);
    expect(cursor.getPageSize()).toBe(25);
    expect(cursor.getTotal()).toBe(27);
  });

  it.each([1, 7, 500])('pageSize %i is used', async (pageSize) => {
    const c = clock();
    const shim = newShim({ now: c.now });
    await addContacts(shim, 9, c);
    const cursor = await getContacts(shim, { pageSize });
    expect(cursor.getPageSize()).toBe(pageSize);
    expect(cursor.getData()).toHaveLength(Math.min(pageSize, 9));
    expect(cursor.hasNext()).toBe(pageSize < 9);
  });

  it.each([0, 501, 2.5, '25', NaN, -1, true, Infinity, {}])('pageSize %j is BAD_REQUEST', async (pageSize) => {
    const shim = newShim();
    await reconcile(shim, 'one@example.com');
    expect(await getContactsFails(shim, { pageSize })).toBe('BAD_REQUEST');
    expect(shim.log().at(-1)?.message).toContain('pageSize');
  });

  it('a full last page has no next page (50 contacts, pages of 25)', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    await addContacts(shim, 50, c);
    const cursor = await getContacts(shim, {});
    expect(cursor.hasNext()).toBe(true);
    expect(await next(cursor)).toHaveLength(25);
    expect(cursor.hasNext()).toBe(false);
    expect(cursor.hasPrevious()).toBe(true);
  });
});

describe('WixDataCursor paging', () => {
  it('next and previous move one cursor; hasNext/hasPrevious are right at each step', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    await addContacts(shim, 60, c);
    const cursor = await getContacts(shim, {});
    const expected = Array.from({ length: 60 }, (_, i) => mail(59 - i));
    const page1 = emailsOf(cursor.getData());
    expect(page1).toEqual(expected.slice(0, 25));
    expect([cursor.hasPrevious(), cursor.hasNext()]).toEqual([false, true]);

    const p2 = await next(cursor);
    expect(emailsOf(p2)).toEqual(expected.slice(25, 50));
    expect(cursor.getData()).toEqual(p2);
    expect([cursor.hasPrevious(), cursor.hasNext()]).toEqual([true, true]);

    const p3 = await next(cursor);
    expect(emailsOf(p3)).toEqual(expected.slice(50, 60));
    expect(cursor.getData()).toEqual(p3);
    expect([cursor.hasPrevious(), cursor.hasNext()]).toEqual([true, false]);

    const back2 = await previous(cursor);
    expect(back2).toEqual(p2);
    expect(cursor.getData()).toEqual(p2);
    expect([cursor.hasPrevious(), cursor.hasNext()]).toEqual([true, true]);

    const back1 = await previous(cursor);
    expect(emailsOf(back1)).toEqual(page1);
    expect(cursor.getData()).toEqual(back1);
    expect([cursor.hasPrevious(), cursor.hasNext()]).toEqual([false, true]);

    // And forward again from the start.
    expect(await next(cursor)).toEqual(p2);
    expect([cursor.hasPrevious(), cursor.hasNext()]).toEqual([true, true]);
  });

  it('getTotal and getPageSize keep their first-page values', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    await addContacts(shim, 30, c);
    const cursor = await getContacts(shim, {});
    expect([cursor.getTotal(), cursor.getPageSize()]).toEqual([30, 25]);
    await addContacts(shim, 4, c, 100);
    const p2 = await next(cursor);
    expect(p2).toHaveLength(5);
    expect([cursor.getTotal(), cursor.getPageSize()]).toEqual([30, 25]);
    await previous(cursor);
    expect([cursor.getTotal(), cursor.getPageSize()]).toEqual([30, 25]);
    // A new query sees the new total.
    expect((await getContacts(shim, {})).getTotal()).toBe(34);
  });

  it('past the end, next calls onSuccess([]) synchronously and leaves the page alone', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    await addContacts(shim, 3, c);
    const cursor = await getContacts(shim, { pageSize: 2 });
    await next(cursor);
    expect(cursor.hasNext()).toBe(false);
    const before = cursor.getData();
    const calls: unknown[][] = [];
    let returned = false;
    const result = cursor.next((page) => calls.push([returned, page]), () => calls.push(['failure']));
    returned = true;
    expect(result).toBeUndefined();
    expect(calls).toEqual([[false, []]]);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toHaveLength(1);
    expect(cursor.getData()).toBe(before);
    expect(cursor.hasPrevious()).toBe(true);
  });

  it('before the start, previous calls onSuccess([]) synchronously', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    await addContacts(shim, 3, c);
    const cursor = await getContacts(shim, { pageSize: 2 });
    const calls: unknown[][] = [];
    let returned = false;
    cursor.previous((page) => calls.push([returned, page]));
    returned = true;
    expect(calls).toEqual([[false, []]]);
    expect(cursor.hasNext()).toBe(true);
    expect(emailsOf(cursor.getData())).toEqual([mail(2), mail(1)]);
  });

  it('next and previous call back asynchronously and once', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    await addContacts(shim, 5, c);
    const cursor = await getContacts(shim, { pageSize: 2 });
    for (const move of ['next', 'next', 'previous'] as const) {
      const calls: string[] = [];
      let returned = false;
      cursor[move](() => calls.push(returned ? 'success' : 'sync success'), () => calls.push('failure'));
      returned = true;
      expect(calls).toEqual([]);
      const deadline = Date.now() + 5000;
      while (calls.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 20)); // room for a wrong second callback
      expect(calls).toEqual(['success']);
    }
    // The helper also rejects synchronous or repeated callbacks.
    expect(emailsOf(await next(cursor))).toEqual([mail(0)]);
  });

  for (const [label, now] of [
    ['a clock that moves', undefined],
    ['a constant clock (ties broken by id)', () => Date.UTC(2024, 0, 1)],
  ] as const) {
    it(`paging 60 contacts with inserts between pages repeats and skips none (${label})`, async () => {
      const c = clock();
      const shim = newShim({ now: now ?? c.now });
      const original = await addContacts(shim, 60, c);
      const seen: string[] = [];
      const cursor = await getContacts(shim, { pageSize: 25 });
      seen.push(...cursor.getData().map((x) => x.id));
      let extra = 1000;
      while (cursor.hasNext()) {
        // Newer contacts land before the pages already read.
        await addContacts(shim, 7, c, extra);
        extra += 7;
        seen.push(...(await next(cursor)).map((x) => x.id));
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => original.includes(id))).toEqual([...original].reverse());
      expect(seen.filter((id) => !original.includes(id))).toEqual([]);
      // A fresh query now sees everything.
      expect((await getContacts(shim, {})).getTotal()).toBe(60 + (extra - 1000));
    });
  }

  it('older contacts inserted ahead of the cursor are listed once, in their place', async () => {
    const c = clock(Date.UTC(2024, 5, 1));
    const shim = newShim({ now: c.now });
    const original = await addContacts(shim, 60, c);
    const cursor = await getContacts(shim, { pageSize: 25 });
    const seen = cursor.getData().map((x) => x.id);
    // Backdated between pages: older than every original one, so it belongs on the last page.
    c.set(Date.UTC(2024, 0, 1));
    const old = (await reconcile(shim, 'old@example.com')).contact.id;
    while (cursor.hasNext()) seen.push(...(await next(cursor)).map((x) => x.id));
    expect(seen).toEqual([...[...original].reverse(), old]);
  });

  it('previous after inserts returns the records of the earlier page', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    await addContacts(shim, 30, c);
    const cursor = await getContacts(shim, { pageSize: 10 });
    const p1 = cursor.getData().map((x) => x.id);
    const p2 = (await next(cursor)).map((x) => x.id);
    await next(cursor);
    await addContacts(shim, 3, c, 500);
    expect((await previous(cursor)).map((x) => x.id)).toEqual(p2);
    expect((await previous(cursor)).map((x) => x.id)).toEqual(p1);
    // The newer contacts sit before page 1: there is a page before it now, holding just them.
    expect(cursor.hasPrevious()).toBe(true);
    expect(emailsOf(await previous(cursor))).toEqual([mail(502), mail(501), mail(500)]);
    expect([cursor.hasPrevious(), cursor.hasNext()]).toEqual([false, true]);
    expect((await next(cursor)).map((x) => x.id)).toEqual(p1);
  });
});

describe('getContacts label filter', () => {
  /** c0…c9 with labels, createdAt one minute apart (c9 newest). */
  async function labelled(shim: Shim) {
    const labels: string[][] = [['vip'], [], ['lead'], ['vip', 'lead'], ['other'], ['vip'], ['lead', 'vip'], [], ['lead'], ['vip', 'other']];
    await shim.seed({
      contacts: labels.map((tags, i) => ({
        id: `00000000-0000-7000-8000-00000000000${i}`,
        createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
        emails: [{ tag: 'main', email: `c${i}@example.com` }],
        tags,
      })),
    });
  }
  const names = (page: Contact[]) => page.map((x) => x.emails[0]?.email.split('@')[0]);

  it('one label: only the contacts holding it, newest first', async () => {
    const shim = newShim();
    await labelled(shim);
    const cursor = await getContacts(shim, { label: 'vip' });
    expect(names(cursor.getData())).toEqual(['c9', 'c6', 'c5', 'c3', 'c0']);
    expect(cursor.getTotal()).toBe(5);
    expect(cursor.hasNext()).toBe(false);
    for (const contact of cursor.getData()) expect(contact.tags).toContain('vip');
  });

  it('a label as a one-element array is the same', async () => {
    const shim = newShim();
    await labelled(shim);
    const cursor = await getContacts(shim, { label: ['lead'] });
    expect(names(cursor.getData())).toEqual(['c8', 'c6', 'c3', 'c2']);
    expect(cursor.getTotal()).toBe(4);
  });

  it('several labels: any of them, a contact with both listed once', async () => {
    const shim = newShim();
    await labelled(shim);
    const cursor = await getContacts(shim, { label: ['vip', 'lead'] });
    expect(names(cursor.getData())).toEqual(['c9', 'c8', 'c6', 'c5', 'c3', 'c2', 'c0']);
    expect(cursor.getTotal()).toBe(7);
  });

  it('several labels, paged: every contact once across pages, both directions', async () => {
    const shim = newShim();
    await labelled(shim);
    const cursor = await getContacts(shim, { label: ['lead', 'vip', 'other'], pageSize: 2 });
    expect(cursor.getTotal()).toBe(8);
    const pages = [names(cursor.getData())];
    while (cursor.hasNext()) pages.push(names(await next(cursor)));
    expect(pages).toEqual([['c9', 'c8'], ['c6', 'c5'], ['c4', 'c3'], ['c2', 'c0']]);
    expect(cursor.hasPrevious()).toBe(true);
    const back: Array<Array<string | undefined>> = [];
    while (cursor.hasPrevious()) back.push(names(await previous(cursor)));
    expect(back).toEqual([['c4', 'c3'], ['c6', 'c5'], ['c9', 'c8']]);
    expect(cursor.hasNext()).toBe(true);
  });

  it('one label, paged with a page size of 2', async () => {
    const shim = newShim();
    await labelled(shim);
    const cursor = await getContacts(shim, { label: 'vip', pageSize: 2 });
    const pages = [names(cursor.getData())];
    while (cursor.hasNext()) pages.push(names(await next(cursor)));
    expect(pages).toEqual([['c9', 'c6'], ['c5', 'c3'], ['c0']]);
  });

  it('a label nobody holds gives an empty page', async () => {
    const shim = newShim();
    await labelled(shim);
    const cursor = await getContacts(shim, { label: 'nobody' });
    expect(cursor.getData()).toEqual([]);
    expect(cursor.getTotal()).toBe(0);
    expect(cursor.hasNext()).toBe(false);
  });

  it('labels are matched exactly (a prefix is another label)', async () => {
    const shim = newShim();
    await labelled(shim);
    expect((await getContacts(shim, { label: 'vi' })).getData()).toEqual([]);
    expect((await getContacts(shim, { label: 'VIP' })).getData()).toEqual([]);
  });

  it('without a label, every contact is listed', async () => {
    const shim = newShim();
    await labelled(shim);
    const cursor = await getContacts(shim, {});
    expect(names(cursor.getData())).toEqual(['c9', 'c8', 'c7', 'c6', 'c5', 'c4', 'c3', 'c2', 'c1', 'c0']);
    expect(cursor.getTotal()).toBe(10);
  });
});
