/**
 * Attacks on reporting (issue 12: F1, F2, F4, F7). Whatever the caller supplies (a listener or
 * callback that throws a value `String()` cannot print, a console that throws, a 10 MB string) must
 * not turn a committed write into a failure, swallow a callback, escape as an uncaught error, or
 * grow a message without bound (SPEC §2.1).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PostActivityResult, ReconcileResult } from '../../src/core/types';
import type { HttpErrorBody } from '../../src/core/errors';
import type { ActivityDescriptor } from '../../src/wix/activities';
import type { WixDataCursor } from '../../src/wix/cursor';
import { validActivityInfo } from '../fixtures/activity-examples';
import { closedAfterEach, newShim, outcome, thrown } from '../helpers';

type Shim = ReturnType<typeof newShim>;

const albumFan = (extra: Partial<ActivityDescriptor> = {}): ActivityDescriptor => ({
  type: 'music/album-fan',
  info: structuredClone(validActivityInfo['music/album-fan']!),
  details: { additionalInfoUrl: null, summary: '' },
  ...extra,
}) as ActivityDescriptor;
const counts = async (s: Shim) => (await s.status()).counts;
/** A value whose String() throws: no toString, no valueOf, no Symbol.toPrimitive. */
const unprintable = () => Object.create(null) as object;

/** Unhandled rejections seen while a test runs (vitest would only report them after the file). */
function watchUnhandled(): { seen: unknown[]; stop: () => void } {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', onRejection);
  return { seen, stop: () => process.off('unhandledRejection', onRejection) };
}
const tick = () => new Promise((r) => setTimeout(r, 30));

const shim = closedAfterEach();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('F1: a throwing change listener never turns a committed write into a failure', () => {
  const listeners: Array<[string, () => void]> = [
    ['throws a value String() cannot print', () => { throw unprintable(); }],
    ['throws while console.error throws', () => { throw new Error('listener bug'); }],
  ];
  for (const [name, listener] of listeners) {
    it(`postActivity succeeds, stores once, when a listener ${name}`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => { throw new Error('console.error is broken'); });
      const s = shim();
      s.on('change', listener);
      s.on('webhook', listener);
      const o = await outcome<PostActivityResult, HttpErrorBody>((ok, fail) => s.Wix.Activities.postActivity(albumFan(), ok, fail));
      expect(o).toMatchObject({ ok: true, value: { activityId: expect.any(String) } });
      expect(await counts(s)).toEqual({ contacts: 0, activities: 1 });
      expect(s.log().at(-1)?.message).toMatch(/on\(\) listener.*threw/);
    });

    it(`reconcileContact succeeds when a listener ${name}`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => { throw new Error('console.error is broken'); });
      const s = shim();
      s.on('change', listener);
      const o = await outcome<ReconcileResult, string>((ok, fail) => s.Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: 'a@b.co' }] }, ok, fail));
      expect(o).toMatchObject({ ok: true, value: { isNew: true } });
      expect(await counts(s)).toEqual({ contacts: 1, activities: 0 });
    });

    it(`clear() resolves after emptying the store when a listener ${name}`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => { throw new Error('console.error is broken'); });
      const s = shim();
      await s.seed({ contacts: [{ emails: [{ tag: 'main', email: 'a@b.co' }] }] });
      s.on('change', listener);
      await expect(s.clear()).resolves.toBeUndefined();
      expect(await counts(s)).toEqual({ contacts: 0, activities: 0 });
    });
  }
});

describe('F2: a throwing console.warn swallows no failure and replaces no SDK string', () => {
  it('reconcileContact({}) still calls onFailure with BAD_REQUEST', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => { throw new Error('console.warn is broken'); });
    const s = shim({ quiet: false });
    const o = await outcome<unknown, string>((ok, fail) => s.Wix.Contacts.reconcileContact({}, ok, fail));
    expect(o).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect(s.log().at(-1)?.message).toMatch(/no email and no phone/);
  });

  it('postActivity with bad info still calls onFailure with the 400 body', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => { throw new Error('console.warn is broken'); });
    const s = shim({ quiet: false });
    const o = await outcome<unknown, HttpErrorBody>((ok, fail) => s.Wix.Activities.postActivity({ ...albumFan(), info: {} } as ActivityDescriptor, ok, fail));
    expect(o).toMatchObject({ ok: false, error: { errorCode: 400 } });
  });

  it('a bad argument throws the SDK string, not the console’s Error', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => { throw new Error('console.warn is broken'); });
    const s = shim({ quiet: false });
    const e = thrown(() => s.Wix.Contacts.getContactById(42 as unknown as string, () => {}, () => {}));
    expect(typeof e).toBe('string');
    expect(e as string).toMatch(/^TypeError: Wix SDK: Missing mandatory argument - id, must be a string/);
  });
});

describe('F4: a callback throwing an unprintable value stays inside the shim', () => {
  it('cursor.previous() on the first page does not throw synchronously', async () => {
    const s = shim();
    const o = await outcome<WixDataCursor<unknown>, string>((ok, fail) => s.Wix.Contacts.getContacts({}, ok, fail));
    if (!o.ok) throw new Error('getContacts failed');
    const cursor = o.value;
    expect(cursor.hasPrevious()).toBe(false);
    expect(() => cursor.previous(() => { throw unprintable(); })).not.toThrow();
    expect(() => cursor.next(() => { throw unprintable(); })).not.toThrow();
    expect(s.log().at(-1)?.message).toMatch(/callback threw/);
  });

  it('getUserSessionToken leaves no unhandled rejection', async () => {
    const watch = watchUnhandled();
    try {
      const s = shim();
      let called = 0;
      s.Wix.Activities.getUserSessionToken(() => { called++; throw unprintable(); });
      await tick();
      expect(called).toBe(1);
      expect(watch.seen).toEqual([]);
      expect(s.log().at(-1)?.message).toMatch(/getUserSessionToken.*callback threw/);
    } finally {
      watch.stop();
    }
  });

  it('an onSuccess throwing an unprintable value leaves no unhandled rejection and no second call', async () => {
    const watch = watchUnhandled();
    try {
      vi.spyOn(console, 'error').mockImplementation(() => { throw unprintable(); });
      const s = shim();
      let ok = 0;
      let failed = 0;
      s.Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: 'a@b.co' }] }, () => { ok++; throw unprintable(); }, () => failed++);
      // A loaded machine may need more than one tick for the write; then one more for a second call that must not come.
      await vi.waitFor(() => expect(ok + failed).toBeGreaterThan(0), { timeout: 10_000 });
      await tick();
      expect([ok, failed]).toEqual([1, 0]);
      expect(watch.seen).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});

describe('F7: messages quote a bounded prefix of what the caller sent', () => {
  const HUGE = 'x'.repeat(10_000_000);
  // Each message quotes at most a short prefix; log() cuts anything at 1,000 characters as a backstop,
  // so a bound below that checks the quoting itself.
  const BOUND = 400;

  it('a 10 MB type gives a short postActivity message and a short log entry', async () => {
    const s = shim();
    const o = await outcome<unknown, HttpErrorBody>((ok, fail) => s.Wix.Activities.postActivity({ ...albumFan(), type: HUGE } as ActivityDescriptor, ok, fail));
    if (o.ok) throw new Error('expected a failure');
    expect(o.error.errorCode).toBe(400);
    expect(o.error.message.length).toBeLessThan(BOUND);
    expect(o.error.message).toMatch(/type "xxxx.*is not a known activity type/);
    expect(o.error.message).toMatch(/10000000 characters/);
    expect(s.log().at(-1)!.message.length).toBeLessThan(BOUND);
  });

  it('getActivities, getContactById and seed quote huge values briefly', async () => {
    const s = shim();
    const failures = [
      await outcome<unknown, string>((ok, fail) => s.Wix.Activities.getActivities(ok, fail, { activityTypes: HUGE })),
      await outcome<unknown, string>((ok, fail) => s.Wix.Activities.getActivities(ok, fail, { from: HUGE })),
      await outcome<unknown, string>((ok, fail) => s.Wix.Contacts.getContacts({ pageSize: HUGE as unknown as number }, ok, fail)),
      await outcome<unknown, string>((ok, fail) => s.Wix.Contacts.getContactById(HUGE, ok, fail)),
      await outcome<unknown, string>((ok, fail) => s.Wix.Activities.getActivityById(HUGE, ok, fail)),
    ];
    expect(failures.map((f) => f.ok)).toEqual([false, false, false, false, false]);
    await expect(s.seed({ activities: [{ activityType: HUGE } as never] })).rejects.toThrow(/activityType "xxx/);
    await expect(s.deleteContact(HUGE)).rejects.toThrow(/no contact has id/);
    const log = s.log();
    expect(log.length).toBe(7);
    for (const entry of log) expect(entry.message.length).toBeLessThan(BOUND);
  });

  it('a listener throwing a huge string is logged briefly', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = shim();
    s.on('change', () => { throw HUGE; });
    await s.clear();
    await s.seed({ contacts: [{ emails: [{ tag: 'main', email: 'a@b.co' }] }] });
    expect(s.log().at(-1)!.message.length).toBeLessThan(BOUND);
  });
});
