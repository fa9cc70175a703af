/**
 * Issue 2, the SDK calling conventions of Wix.Contacts (SPEC §2.1; facts §3.3): argument errors
 * thrown synchronously as strings, word for word; otherwise one callback, once, asynchronously.
 */
import { describe, it, expect, vi } from 'vitest';
import type { Contact, ReconcileResult } from '../src/core/types';
import type { Shim } from '../src/shim/create-shim';
import { WixDataCursor } from '../src/wix/cursor';
import { newShim, outcome, success, failure, thrown } from './helpers';

const MSG = {
  options: 'Missing mandatory argument - options, must be an object',
  onSuccess: 'Missing mandatory argument - onSuccess, must be a function',
  onFailure: 'Missing mandatory argument - onFailure, must be a function',
  id: 'Missing mandatory argument - id, must be a string',
  contactMissing: 'Missing mandatory contact options parameter',
  contactNotObject: 'Contact options parameter must be an object',
} as const;

const INFO = { emails: [{ tag: 'main', email: 'ann@example.com' }] };
const tick = (ms = 15) => new Promise((r) => setTimeout(r, ms));
/** Waits until `done()` holds (polling), failing after 5 s; then lets a few more turns pass. */
async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await tick(5);
  }
  await tick(20); // room for a wrong second callback to show up
}

/**
 * Asserts that `call` throws the SDK's string for `message` (first line exactly
 * `TypeError: Wix SDK: <message>`), and that the callbacks it was given never run.
 */
async function expectSdkThrow(call: (ok: () => void, fail: () => void) => unknown, message: string) {
  const ok = vi.fn();
  const fail = vi.fn();
  const value = thrown(() => call(ok, fail));
  expect(typeof value).toBe('string');
  const text = value as string;
  expect(text.startsWith(`TypeError: Wix SDK: ${message}`)).toBe(true);
  expect(text.split('\n')[0]).toBe(`TypeError: Wix SDK: ${message}`);
  await tick();
  expect(ok).not.toHaveBeenCalled();
  expect(fail).not.toHaveBeenCalled();
}

const contactCount = async (shim: Shim) => (await shim.status()).counts.contacts;
const any = (v: unknown) => v as never;

describe('getContacts argument errors', () => {
  it.each([
    ['undefined', undefined],
    ['a number', 25],
    ['a string', '{"pageSize":25}'],
    ['a function', () => ({})],
    ['a boolean', true],
  ])('options that are %s throw the options message', async (_what, options) => {
    const shim = newShim();
    await expectSdkThrow((ok, fail) => shim.Wix.Contacts.getContacts(any(options), ok, fail), MSG.options);
  });

  it('checks options before onSuccess', async () => {
    const shim = newShim();
    await expectSdkThrow(() => shim.Wix.Contacts.getContacts(any(undefined), any(undefined)), MSG.options);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['an array with values', [1, 2]],
  ])('options that are %s pass (the SDK only checked typeof)', async (_what, options) => {
    const shim = newShim();
    const cursor = await success<WixDataCursor<Contact>>((ok, fail) => shim.Wix.Contacts.getContacts(any(options), ok, fail));
    expect(cursor).toBeInstanceOf(WixDataCursor);
    expect(cursor.getPageSize()).toBe(25);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['a string', 'onSuccess'],
    ['an object', {}],
  ])('onSuccess %s throws the onSuccess message', async (_what, onSuccess) => {
    const shim = newShim();
    await expectSdkThrow((_ok, fail) => shim.Wix.Contacts.getContacts({}, any(onSuccess), fail), MSG.onSuccess);
  });

  it('onFailure is optional (a failure is then dropped)', async () => {
    const shim = newShim();
    const ok = vi.fn();
    expect(shim.Wix.Contacts.getContacts({ pageSize: 0 }, ok)).toBeUndefined();
    await until(() => shim.log().length > 0, 'the failure to be logged');
    expect(ok).not.toHaveBeenCalled();
    expect(shim.log().at(-1)?.message).toContain('pageSize');
    // And a success without onFailure works.
    const cursor = await success<WixDataCursor<Contact>>((s) => shim.Wix.Contacts.getContacts({}, s));
    expect(cursor.getData()).toEqual([]);
  });

  it('a thrown argument error writes a [wix-hive-shim] warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const shim = newShim({ quiet: false });
      thrown(() => shim.Wix.Contacts.getContacts(any(7), () => undefined));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0]).startsWith('[wix-hive-shim]')).toBe(true);
      expect(String(warn.mock.calls[0]?.[0])).toContain(MSG.options);
      expect(shim.log()).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('getContactById argument errors', () => {
  it.each([
    ['undefined', undefined],
    ['a number', 42],
    ['null', null],
    ['an object', { id: 'x' }],
  ])('an id that is %s throws the id message', async (_what, id) => {
    const shim = newShim();
    await expectSdkThrow((ok, fail) => shim.Wix.Contacts.getContactById(any(id), ok, fail), MSG.id);
  });

  it('checks id, then onSuccess, then onFailure', async () => {
    const shim = newShim();
    const c = shim.Wix.Contacts;
    await expectSdkThrow(() => c.getContactById(any(1), any(null), any(null)), MSG.id);
    await expectSdkThrow(() => c.getContactById('x', any(null), any(null)), MSG.onSuccess);
    await expectSdkThrow(() => c.getContactById('x', any('f'), () => undefined), MSG.onSuccess);
    await expectSdkThrow((ok) => c.getContactById('x', ok, any(undefined)), MSG.onFailure);
    await expectSdkThrow((ok) => c.getContactById('x', ok, any({})), MSG.onFailure);
  });

  it('an unknown id fails with NOT_FOUND', async () => {
    const shim = newShim();
    expect(await failure((ok, fail) => shim.Wix.Contacts.getContactById('no-such-id', ok, fail))).toBe('NOT_FOUND');
    expect(await failure((ok, fail) => shim.Wix.Contacts.getContactById('', ok, fail))).toBe('NOT_FOUND');
  });

  it('a known id gives the contact', async () => {
    const shim = newShim();
    const r = await success<ReconcileResult>((ok, fail) => shim.Wix.Contacts.reconcileContact(INFO, ok, fail));
    expect(await success((ok, fail) => shim.Wix.Contacts.getContactById(r.contact.id, ok, fail))).toEqual(r.contact);
  });

  it('the NOT_FOUND warning names the id', async () => {
    const shim = newShim();
    await failure((ok, fail) => shim.Wix.Contacts.getContactById('abc-123', ok, fail));
    expect(shim.log().at(-1)?.message).toContain('abc-123');
  });
});

describe('reconcileContact argument errors', () => {
  it('undefined contact information throws the missing message', async () => {
    const shim = newShim();
    await expectSdkThrow((ok, fail) => shim.Wix.Contacts.reconcileContact(any(undefined), ok, fail), MSG.contactMissing);
    await expectSdkThrow(() => shim.Wix.Contacts.reconcileContact(any(undefined)), MSG.contactMissing);
  });

  it.each([
    ['a string', 'ann@example.com'],
    ['a number', 5],
    ['a boolean', false],
  ])('contact information that is %s throws the not-an-object message', async (_what, info) => {
    const shim = newShim();
    await expectSdkThrow((ok, fail) => shim.Wix.Contacts.reconcileContact(any(info), ok, fail), MSG.contactNotObject);
  });

  it('checks the contact before the callbacks', async () => {
    const shim = newShim();
    await expectSdkThrow(() => shim.Wix.Contacts.reconcileContact(any(undefined), any('x'), any('y')), MSG.contactMissing);
    await expectSdkThrow(() => shim.Wix.Contacts.reconcileContact(any(3), any('x'), any('y')), MSG.contactNotObject);
  });

  it('a present onSuccess or onFailure that is not a function throws its message', async () => {
    const shim = newShim();
    const c = shim.Wix.Contacts;
    await expectSdkThrow((_ok, fail) => c.reconcileContact(INFO, any('x'), fail), MSG.onSuccess);
    await expectSdkThrow((_ok, fail) => c.reconcileContact(INFO, any(null), fail), MSG.onSuccess);
    await expectSdkThrow(() => c.reconcileContact(INFO, any(1), any(2)), MSG.onSuccess);
    await expectSdkThrow((ok) => c.reconcileContact(INFO, ok, any('y')), MSG.onFailure);
    await expectSdkThrow(() => c.reconcileContact(INFO, undefined, any({})), MSG.onFailure);
    // Nothing was stored by any of those calls.
    expect(await contactCount(shim)).toBe(0);
  });

  it('callbacks may be omitted: the contact is still reconciled', async () => {
    const shim = newShim();
    expect(shim.Wix.Contacts.reconcileContact(INFO)).toBeUndefined();
    expect(shim.Wix.Contacts.reconcileContact({ ...INFO, name: { first: 'Ann' } }, undefined, undefined)).toBeUndefined();
    // Transactions run in order: this one sees both earlier writes.
    const r = await success<ReconcileResult>((ok, fail) => shim.Wix.Contacts.reconcileContact(INFO, ok, fail));
    expect(r.isNew).toBe(false);
    expect(r.contact.name.first).toBe('Ann');
    expect(await contactCount(shim)).toBe(1);
  });

  it('only onSuccess given, and the call fails: no throw, the failure is logged', async () => {
    const shim = newShim();
    const ok = vi.fn();
    expect(shim.Wix.Contacts.reconcileContact({ name: { first: 'Ann' } }, ok)).toBeUndefined();
    await until(() => shim.log().length > 0, 'the failure to be logged');
    expect(ok).not.toHaveBeenCalled();
    expect(shim.log().at(-1)?.message).toMatch(/no email and no phone/);
  });

  it('null contact information is not thrown: it fails with BAD_REQUEST', async () => {
    const shim = newShim();
    expect(await failure((ok, fail) => shim.Wix.Contacts.reconcileContact(any(null), ok, fail))).toBe('BAD_REQUEST');
  });
});

describe('callbacks run asynchronously, exactly once', () => {
  /** Every kind of call that settles: success and failure paths of the three methods. */
  const cases: Array<[string, (shim: Shim, ok: (v: unknown) => void, fail: (e: unknown) => void) => void, boolean]> = [
    ['getContacts success', (s, ok, fail) => s.Wix.Contacts.getContacts({}, ok, fail), true],
    ['getContacts failure', (s, ok, fail) => s.Wix.Contacts.getContacts({ pageSize: 9999 }, ok, fail), false],
    ['getContactById success', (s, ok, fail) => s.Wix.Contacts.getContactById(KNOWN, ok, fail), true],
    ['getContactById failure', (s, ok, fail) => s.Wix.Contacts.getContactById('unknown', ok, fail), false],
    ['reconcileContact success', (s, ok, fail) => s.Wix.Contacts.reconcileContact(INFO, ok, fail), true],
    ['reconcileContact failure', (s, ok, fail) => s.Wix.Contacts.reconcileContact({ emails: [] }, ok, fail), false],
  ];
  const KNOWN = '01890000-0000-7000-8000-000000000001';

  for (const [name, start, succeeds] of cases) {
    it(`${name}: never before the method returns, and once`, async () => {
      const shim = newShim();
      await shim.seed({ contacts: [{ id: KNOWN, emails: [{ tag: 'main', email: 'known@example.com' }] }] });
      await shim.status(); // storage already open: the zero-latency path
      const calls: string[] = [];
      let returned = false;
      const result = start(
        shim,
        () => calls.push(returned ? 'success' : 'success before return'),
        () => calls.push(returned ? 'failure' : 'failure before return'),
      );
      returned = true;
      expect(result).toBeUndefined();
      expect(calls).toEqual([]);
      await until(() => calls.length > 0, 'the callback');
      expect(calls).toEqual([succeeds ? 'success' : 'failure']);
      // The shared helper makes the same checks.
      const o = await outcome((ok, fail) => start(shim, ok, fail));
      expect(o.ok).toBe(succeeds);
    });
  }

  it('also on an instance whose storage is still opening, and on the memory driver', async () => {
    for (const shim of [newShim(), newShim({ indexedDB: null })]) {
      const calls: string[] = [];
      let returned = false;
      shim.Wix.Contacts.reconcileContact(INFO, () => calls.push(returned ? 'ok' : 'sync'), () => calls.push('fail'));
      shim.Wix.Contacts.getContacts({}, () => calls.push(returned ? 'ok' : 'sync'), () => calls.push('fail'));
      shim.Wix.Contacts.getContactById('nope', () => calls.push('ok?'), (e) => calls.push(returned ? String(e) : 'sync'));
      returned = true;
      expect(calls).toEqual([]);
      await until(() => calls.length >= 3, 'three callbacks');
      expect([...calls].sort()).toEqual(['NOT_FOUND', 'ok', 'ok']);
    }
  });
});

describe('a callback that throws', () => {
  it('does not cause a second callback nor break later calls', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const shim = newShim();
      const fail = vi.fn();
      let successes = 0;
      shim.Wix.Contacts.reconcileContact(INFO, () => { successes++; throw new Error('boom in onSuccess'); }, fail);
      await until(() => successes > 0, 'onSuccess');
      expect(successes).toBe(1);
      expect(fail).not.toHaveBeenCalled();
      expect(error).toHaveBeenCalled();
      expect(String(error.mock.calls[0]?.[0])).toContain('[wix-hive-shim]');
      expect(shim.log().some((e) => e.message.includes('boom in onSuccess'))).toBe(true);

      // The contact was stored all the same, and later calls work.
      const r = await success<ReconcileResult>((ok, f) => shim.Wix.Contacts.reconcileContact(INFO, ok, f));
      expect(r.isNew).toBe(false);

      // A throwing onFailure is called once and nothing else runs.
      const ok = vi.fn();
      let failures = 0;
      shim.Wix.Contacts.getContactById('missing', ok, () => { failures++; throw new Error('boom in onFailure'); });
      await until(() => failures > 0, 'onFailure');
      expect(failures).toBe(1);
      expect(ok).not.toHaveBeenCalled();

      // A throwing getContacts onSuccess, then a cursor callback that throws.
      let cursorCalls = 0;
      let cursor: WixDataCursor<Contact> | undefined;
      shim.Wix.Contacts.getContacts({ pageSize: 1 }, (c) => { cursor = c; cursorCalls++; throw new Error('boom in getContacts'); });
      await until(() => cursorCalls > 0, 'getContacts onSuccess');
      expect(cursorCalls).toBe(1);
      expect(cursor?.getData()).toHaveLength(1);
      expect(await success((s, f) => shim.Wix.Contacts.getContactById(r.contact.id, s, f))).toEqual(r.contact);
    } finally {
      error.mockRestore();
    }
  });

  it('a cursor next callback that throws is called once and the cursor still moves', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const shim = newShim();
      await shim.seed({ contacts: [1, 2, 3].map((i) => ({ emails: [{ tag: 'main', email: `n${i}@example.com` }] })) });
      const cursor = await success<WixDataCursor<Contact>>((ok, fail) => shim.Wix.Contacts.getContacts({ pageSize: 1 }, ok, fail));
      const first = cursor.getData();
      let calls = 0;
      const fail = vi.fn();
      cursor.next(() => { calls++; throw new Error('boom in next'); }, fail);
      await until(() => calls > 0, 'next onSuccess');
      expect(calls).toBe(1);
      expect(fail).not.toHaveBeenCalled();
      expect(cursor.getData()).not.toEqual(first);
      expect(cursor.hasPrevious()).toBe(true);
      expect(await success((ok, f) => cursor.next(ok, f))).toHaveLength(1);
    } finally {
      error.mockRestore();
    }
  });
});
