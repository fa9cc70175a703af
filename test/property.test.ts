/**
 * Issue 5: property-based robustness of every public method (SPEC §2.1, §2.3), with fast-check.
 *
 * Every method is called with arbitrary values in every argument position (wrong types, null,
 * undefined, 100k-character strings, 5,000-level nesting, own `__proto__`/`constructor`/`prototype`
 * keys, Dates, functions, cycles, symbols, BigInt…) and with realistic inputs drawn from small
 * pools, so that the success paths and contact matching run too. Per call:
 *
 * - it throws synchronously a string starting `TypeError: Wix SDK: ` (the expected message), or it
 *   returns undefined and later calls at most one of its callbacks, exactly once, never
 *   synchronously (exactly one when every callback position holds a function); the only
 *   synchronous callback is a cursor's `onSuccess([])` when there is no page;
 * - a failure stores nothing (the raw rows and `status()` counts are unchanged);
 * - a success is the one the spec predicts (reconcile matches the earliest contact holding an
 *   email or phone, or creates one only when none does; activities link as the session says; reads
 *   return the records a model of the data predicts);
 * - Object.prototype is never polluted.
 *
 * After every 100 runs and at the end of each property, `checkStore` reads the whole store back,
 * through the public API and through the same fake-indexeddb factory, and checks that every index
 * entry agrees with its record.
 *
 * Double callbacks: each call is watched for three macrotasks after its first callback (which
 * catches them with the run that caused them, so fast-check shrinks the right input), and a 300 ms
 * timer per call reports any later one after the property ends.
 *
 * PROPERTY_RUNS (default 1000) sets the runs of each property.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { Activity, Contact, PostActivityResult, ReconcileResult } from '../src/core/types';
import type { ActivityRow, ContactRow, SessionRow } from '../src/storage/schema';
import type { WixDataCursor } from '../src/wix/cursor';
import { validActivityInfo } from './fixtures/activity-examples';
import { newShim, success } from './helpers';
import * as A from './property-arbitraries';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const CHECK_EVERY = 100;
/** How long after a call's observation a second callback still counts as a double call. */
const SETTLE_MS = 300;
const CALLBACK_TIMEOUT_MS = 3_000;
const TEST_TIMEOUT_MS = 180_000;

type Json = Record<string, unknown>;
type Cursor<T> = WixDataCursor<T>;
type TestShim = ReturnType<typeof newShim>;

/** The SDK's argument messages, word for word (facts §3.3). */
const SDK = {
  id: 'Missing mandatory argument - id, must be a string',
  onSuccess: 'Missing mandatory argument - onSuccess, must be a function',
  onFailure: 'Missing mandatory argument - onFailure, must be a function',
  options: 'Missing mandatory argument - options, must be an object',
  contactMissing: 'Missing mandatory contact options parameter',
  contactNotObject: 'Contact options parameter must be an object',
  viewMode: 'Invalid view mode. This function cannot be called in editor/preview mode. Supported view mode is: [site]',
} as const;
const WIX_ERRORS = ['WIX_ERROR', 'NOT_FOUND', 'BAD_REQUEST', 'INVALID_SCHEMA', 'FORBIDDEN'];

// ---------------------------------------------------------------------------------------------
// Small utilities

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));
async function macrotasks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await macrotask();
}

const isFn = (v: unknown): v is (...args: unknown[]) => unknown => typeof v === 'function';

/** What the SDK put on the wire: the JSON of a value (undefined when it has none). */
function wire(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * A JSON text for comparing inputs before and after a call, or undefined when there is none. The
 * labelled hostile values (deep, cyclic) are skipped: a stack overflow costs milliseconds.
 */
function fingerprint(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && fc.toStringMethod in value) return undefined;
  try {
    return typeof value === 'bigint' ? `${value}n` : JSON.stringify(value);
  } catch {
    return undefined;
  }
}

const emailKey = (email: string) => email.trim().toLowerCase();
function phoneKey(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D+/g, '');
  if (!digits) return '';
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}
// A normalizedPhone without digits falls back to the phone's (decision 0021).
const phoneItemKey = (p: { phone?: unknown; normalizedPhone?: unknown }) =>
  phoneKey(typeof p.normalizedPhone === 'string' ? p.normalizedPhone : '') || phoneKey(String(p.phone || ''));

interface Keys {
  emails: string[];
  phones: string[];
}
/** The matching keys of contact data (stored or sent): SPEC §2.3. */
function keysOf(c: { emails?: unknown; phones?: unknown }): Keys {
  const emails = Array.isArray(c.emails) ? (c.emails as Array<{ email?: unknown }>) : [];
  const phones = Array.isArray(c.phones) ? (c.phones as Array<{ phone?: unknown; normalizedPhone?: unknown }>) : [];
  return {
    emails: [...new Set(emails.map((e) => (typeof e?.email === 'string' ? emailKey(e.email) : '')).filter(Boolean))],
    phones: [...new Set(phones.map((p) => (p && typeof p === 'object' ? phoneItemKey(p) : '')).filter(Boolean))],
  };
}
const holdsAny = (c: Contact, k: Keys) => {
  const own = keysOf(c);
  return k.emails.some((e) => own.emails.includes(e)) || k.phones.some((p) => own.phones.includes(p));
};
const bySortKey = (a: { created: number; id: string }, b: { created: number; id: string }) =>
  a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** The earliest-created row among `rows` (created, then id). */
const earliest = <R extends { created: number; id: string }>(rows: R[]) => [...rows].sort(bySortKey)[0];

// ---------------------------------------------------------------------------------------------
// Prototype pollution

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const PROTO_KEYS = PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort());

/** Runs after every call, so it avoids `expect` (slow in a hot loop) until something is wrong. */
function assertNoPollution(): void {
  for (const probe of A.POLLUTION_PROBES) {
    if (({} as Json)[probe] !== undefined) expect(({} as Json)[probe], `({}).${probe}`).toBeUndefined();
    if (([] as unknown as Json)[probe] !== undefined) expect(([] as unknown as Json)[probe], `[].${probe}`).toBeUndefined();
  }
  PROTOTYPES.forEach((p, i) => {
    const keys = Reflect.ownKeys(p).map(String).sort();
    if (keys.join('\u0000') !== PROTO_KEYS[i]!.join('\u0000')) expect(keys, 'own keys of a built-in prototype').toEqual(PROTO_KEYS[i]);
  });
  if (Object.getPrototypeOf({}) !== Object.prototype) throw new Error('the prototype of {} changed');
}

/**
 * Deep equality by JSON text (fast; the rows compared are structured clones of one object, so
 * their key order agrees), falling back to `toEqual` for the diff when the texts differ.
 */
function same(actual: unknown, expected: unknown, message: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, message).toEqual(expected);
}

// ---------------------------------------------------------------------------------------------
// Observing one call

interface Recorded {
  name: string;
  value: unknown;
  sync: boolean;
}

interface Invocation {
  /** Callback positions in order: a recording function, a non-function value, or left out. */
  cbs: Array<{ name: string; spec: A.CbSpec | undefined }>;
  invoke: (callbacks: unknown[]) => unknown;
  /** Wait for the first callback (it must come); otherwise wait for `barrier`. */
  mustCall: boolean;
  /** Resolves once the call's work has certainly finished (used when no callback may come). */
  barrier: () => Promise<unknown>;
}

interface Observation {
  threw: boolean;
  thrown: unknown;
  returned: unknown;
  /** Callbacks seen by the end of the observation. */
  calls: Recorded[];
  timedOut: boolean;
}

/** Double calls found after a run's observation: reported when the property ends. */
const lateViolations: string[] = [];
let lastLateCheck: Promise<void> = Promise.resolve();

async function observe(label: () => string, inv: Invocation): Promise<Observation> {
  const calls: Recorded[] = [];
  let returned = false;
  let signal: () => void = () => undefined;
  const first = new Promise<void>((resolve) => { signal = resolve; });
  const callbacks = inv.cbs.map(({ name, spec }) => {
    if (!spec) return undefined;
    if (spec.kind === 'value') return spec.value;
    const throws = spec.throws;
    return (value: unknown) => {
      calls.push({ name, value, sync: !returned });
      signal();
      if (throws) throw new Error(`${name} throws on purpose`);
    };
  });
  let threw = false;
  let thrown: unknown;
  let result: unknown;
  try {
    result = inv.invoke(callbacks);
  } catch (error) {
    threw = true;
    thrown = error;
  }
  returned = true;
  let timedOut = false;
  if (!threw && inv.mustCall) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    timedOut = await Promise.race([
      first.then(() => false),
      new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), CALLBACK_TIMEOUT_MS); }),
    ]);
    clearTimeout(timer);
  } else {
    await inv.barrier();
  }
  await macrotasks(3);
  const seen = calls.length;
  lastLateCheck = new Promise<void>((resolve) => {
    setTimeout(() => {
      if (calls.length > 1 || (seen > 0 && calls.length !== seen)) {
        lateViolations.push(`${label()}: ${calls.length} callbacks (${calls.map((c) => c.name).join(', ')})`);
      }
      resolve();
    }, SETTLE_MS);
  });
  return { threw, thrown, returned: result, calls: calls.slice(), timedOut };
}

/** How the calls of the running property ended, so each property can show its success path ran. */
let tally: Record<string, number> = {};
const count = (key: string) => { tally[key] = (tally[key] ?? 0) + 1; };

type Outcome =
  | { kind: 'threw' }
  | { kind: 'none' }
  | { kind: 'called'; name: string; value: unknown };

/**
 * Asserts SPEC §2.1 on an observation. `expectThrow` is the SDK message the call must throw, or
 * undefined when it must not throw. `mustCall` is whether exactly one callback is required.
 */
function convention(obs: Observation, expectThrow: string | undefined, opts: { mustCall: boolean; syncEmptyAllowed?: boolean; mayThrow?: string }): Outcome {
  if (expectThrow !== undefined || (opts.mayThrow !== undefined && obs.threw)) {
    const message = expectThrow ?? opts.mayThrow!;
    expect(obs.threw, `must throw "${message}" synchronously`).toBe(true);
    expect(typeof obs.thrown, `the thrown value must be a string, got ${String(obs.thrown)}`).toBe('string');
    expect((obs.thrown as string).startsWith(`TypeError: Wix SDK: ${message}`), `thrown: ${String(obs.thrown).slice(0, 200)}`).toBe(true);
    expect(obs.calls, 'no callback after a synchronous throw').toEqual([]);
    count('threw');
    return { kind: 'threw' };
  }
  if (obs.threw) {
    throw new Error(`must not throw synchronously, but threw ${typeof obs.thrown}: ${String(obs.thrown).slice(0, 300)}`);
  }
  expect(obs.returned, 'returns undefined').toBeUndefined();
  expect(obs.calls.length, `at most one callback, got ${obs.calls.map((c) => c.name).join(', ')}`).toBeLessThanOrEqual(1);
  if (opts.mustCall) {
    expect(obs.timedOut, `a callback within ${CALLBACK_TIMEOUT_MS} ms`).toBe(false);
    expect(obs.calls.length, 'exactly one callback').toBe(1);
  }
  const call = obs.calls[0];
  count(call?.name ?? 'none');
  if (!call) return { kind: 'none' };
  if (call.sync) {
    expect(opts.syncEmptyAllowed && call.name === 'onSuccess' && Array.isArray(call.value) && call.value.length === 0,
      `${call.name} ran synchronously, before the method returned`).toBe(true);
  }
  return { kind: 'called', name: call.name, value: call.value };
}

/** Checks a data-call failure value: a Wix.Error string, WIX_ERROR only for storage failures. */
function checkFailureCode(value: unknown, exp: A.Expectation): void {
  expect(WIX_ERRORS, `onFailure got ${String(value)}`).toContain(value);
  if (!exp.storageMayFail) expect(value, `WIX_ERROR means a storage failure; none was injected (${exp.why})`).not.toBe('WIX_ERROR');
  if (exp.expect === 'ok') throw new Error(`expected success for ${exp.why}, got ${String(value)}`);
  if (exp.expect === 'bad' && exp.code) expect(value, exp.why).toBe(exp.code);
}

const isFnSpec = (spec: A.CbSpec | undefined) => spec?.kind === 'fn';
/** What a callback position holds at call time, for the SDK's checks. */
const positionValue = (spec: A.CbSpec | undefined): unknown => (spec === undefined ? undefined : spec.kind === 'fn' ? isFn : spec.value);

/**
 * Runs fc.assert on one shared instance; afterwards waits out the double-call window. Returns how
 * the calls ended (`onSuccess`, `onFailure`, `callback`, `threw`, `none`, or the property's own keys).
 */
async function assertProperty<T>(arb: fc.Arbitrary<T>, run: (value: T, index: number) => Promise<void>): Promise<Record<string, number>> {
  let index = 0;
  tally = {};
  await fc.assert(
    fc.asyncProperty(arb, async (value) => {
      await run(value, index++);
    }),
    { numRuns: RUNS },
  );
  await lastLateCheck;
  expect(lateViolations, 'callbacks that ran after the first one').toEqual([]);
  return { ...tally };
}

/** The success path (and the others) ran often enough to mean something. */
function expectMix(t: Record<string, number>, want: Record<string, number>): void {
  for (const [key, min] of Object.entries(want)) expect(t[key] ?? 0, `${key} outcomes in ${JSON.stringify(t)}`).toBeGreaterThanOrEqual(Math.floor(min * RUNS));
}

// ---------------------------------------------------------------------------------------------
// Raw access to the instance's database

interface Raw {
  contacts: ContactRow[];
  activities: ActivityRow[];
  sessions: SessionRow[];
  /** `store.index` → [index key, primary key] entries, in index order. */
  indexes: Map<string, Array<[unknown, unknown]>>;
}

const INDEXES: Record<'contacts' | 'activities', string[]> = {
  contacts: ['byCreated', 'byEmail', 'byPhone', 'byTag'],
  activities: ['byCreated', 'byContact', 'byType', 'byContactType', 'bySession'],
};

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function indexEntries(store: IDBObjectStore, index: string): Promise<Array<[unknown, unknown]>> {
  return new Promise((resolve, reject) => {
    const out: Array<[unknown, unknown]> = [];
    const r = store.index(index).openKeyCursor();
    r.onsuccess = () => {
      const c = r.result;
      if (!c) return resolve(out);
      out.push([c.key, c.primaryKey]);
      c.continue();
    };
    r.onerror = () => reject(r.error);
  });
}

async function readRaw(db: IDBDatabase, what: { activities?: boolean; indexes?: boolean } = {}): Promise<Raw> {
  const tx = db.transaction(['contacts', 'activities', 'sessions'], 'readonly');
  const contacts = request(tx.objectStore('contacts').getAll() as IDBRequest<ContactRow[]>);
  const activities = what.activities === false ? Promise.resolve([]) : request(tx.objectStore('activities').getAll() as IDBRequest<ActivityRow[]>);
  const sessions = request(tx.objectStore('sessions').getAll() as IDBRequest<SessionRow[]>);
  const indexes = new Map<string, Array<[unknown, unknown]>>();
  const pending: Array<Promise<void>> = [];
  if (what.indexes) {
    for (const [store, names] of Object.entries(INDEXES)) {
      for (const name of names) pending.push(indexEntries(tx.objectStore(store), name).then((e) => { indexes.set(`${store}.${name}`, e); }));
    }
  }
  const [c, a, s] = await Promise.all([contacts, activities, sessions, ...pending]);
  return { contacts: c as ContactRow[], activities: a as ActivityRow[], sessions: s as SessionRow[], indexes };
}

interface Harness {
  shim: TestShim;
  db: IDBDatabase;
  session: string;
}

async function harness(options: Parameters<typeof newShim>[0] = {}): Promise<Harness> {
  const session = options.session ?? `prop-session-${Math.random().toString(36).slice(2)}`;
  const shim = newShim({ ...options, session });
  const status = await shim.status(); // opens (and creates) the database before we open it raw
  expect(status.driver).toBe('indexeddb');
  const db = await request(shim.factory.open(status.dbName) as unknown as IDBRequest<IDBDatabase>);
  return { shim, db, session };
}

async function counts(h: Harness): Promise<{ contacts: number; activities: number }> {
  return (await h.shim.status()).counts;
}
/** Resolves once every transaction begun before it has committed (a later tx on the same stores waits for them). */
const barrierOf = (h: Harness) => async () => {
  await macrotask();
  await h.shim.status();
};

// ---------------------------------------------------------------------------------------------
// Invariants

const ISO_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ARRAYS = ['emails', 'phones', 'addresses', 'urls', 'dates'] as const;

/** The shape SPEC §2.3 promises of every contact that comes out of the shim. */
function checkContactShape(c: Contact, where: string): void {
  expect(typeof c.id, `${where}: id`).toBe('string');
  for (const part of ['prefix', 'first', 'middle', 'last', 'suffix'] as const) expect(typeof c.name?.[part], `${where}: name.${part}`).toBe('string');
  expect(typeof c.company?.role, `${where}: company.role`).toBe('string');
  expect(typeof c.company?.name, `${where}: company.name`).toBe('string');
  for (const key of ARRAYS) {
    expect(Array.isArray(c[key]), `${where}: ${key} is an array`).toBe(true);
    expect(c[key].map((item) => item.id), `${where}: ${key} ids are 1..n`).toEqual(c[key].map((_, i) => i + 1));
  }
  for (const key of ['tags', 'notes', 'custom', 'links'] as const) expect(Array.isArray(c[key]), `${where}: ${key} is an array`).toBe(true);
  expect(c.tags.every((t) => typeof t === 'string'), `${where}: tags are strings`).toBe(true);
  expect(ISO_RE.test(c.createdAt), `${where}: createdAt ${c.createdAt}`).toBe(true);
  expect(ISO_RE.test(c.modifiedAt), `${where}: modifiedAt ${c.modifiedAt}`).toBe(true);
  expect(c.emails.some((e) => emailKey(e.email) === 'proto@example.com'), `${where}: an email that only sat on a prototype`).toBe(false);
}

const keyText = (k: unknown) => JSON.stringify(k);
/** Index entries as sorted "key → primary key" strings, for multiset comparison. */
const entryTexts = (entries: Array<[unknown, unknown]>) => entries.map(([k, pk]) => `${keyText(k)} -> ${keyText(pk)}`).sort();

/**
 * Reads everything back (raw rows, every index, and the public API) and checks the invariants.
 * Returns the raw rows.
 */
async function checkStore(h: Harness, where: string): Promise<Raw> {
  const raw = await readRaw(h.db, { indexes: true });
  const contactIds = new Set(raw.contacts.map((r) => r.id));
  const idx = (name: string) => raw.indexes.get(name) ?? [];

  // Contacts: envelope keys agree with the contact.
  const expected = { byCreated: [] as Array<[unknown, unknown]>, byEmail: [] as Array<[unknown, unknown]>, byPhone: [] as Array<[unknown, unknown]>, byTag: [] as Array<[unknown, unknown]> };
  for (const row of raw.contacts) {
    const c = row.contact;
    const at = `${where}: contact ${row.id}`;
    expect(row.id, at).toBe(c.id);
    checkContactShape(c, at);
    expect(row.created, `${at}: created = instant of createdAt ${c.createdAt}`).toBe(A.instant(c.createdAt));
    expect(Number.isFinite(row.created), `${at}: created is a number`).toBe(true);
    const keys = keysOf(c);
    expect([...row.emailKeys].sort(), `${at}: emailKeys = normalised emails`).toEqual([...keys.emails].sort());
    expect(new Set(row.emailKeys).size, `${at}: emailKeys unique`).toBe(row.emailKeys.length);
    expect([...row.phoneKeys].sort(), `${at}: phoneKeys = normalised phones`).toEqual([...keys.phones].sort());
    expect(new Set(row.phoneKeys).size, `${at}: phoneKeys unique`).toBe(row.phoneKeys.length);
    const tags = [...new Set(c.tags)];
    expect(row.tagKeys.map(keyText).sort(), `${at}: tagKeys`).toEqual(tags.map((t) => keyText([t, row.created, row.id])).sort());
    expected.byCreated.push([[row.created, row.id], row.id]);
    for (const k of keys.emails) expected.byEmail.push([k, row.id]);
    for (const k of keys.phones) expected.byPhone.push([k, row.id]);
    for (const t of tags) expected.byTag.push([[t, row.created, row.id], row.id]);
  }
  for (const name of ['byCreated', 'byEmail', 'byPhone', 'byTag'] as const) {
    expect(entryTexts(idx(`contacts.${name}`)), `${where}: contacts.${name} entries agree with the records`).toEqual(entryTexts(expected[name]));
  }
  const emailEntries = raw.contacts.reduce((n, r) => n + new Set(r.emailKeys).size, 0);
  expect(idx('contacts.byEmail').length, `${where}: byEmail entries = sum of unique emailKeys`).toBe(emailEntries);

  // Activities.
  const act = { byCreated: [] as Array<[unknown, unknown]>, byContact: [] as Array<[unknown, unknown]>, byType: [] as Array<[unknown, unknown]>, byContactType: [] as Array<[unknown, unknown]>, bySession: [] as Array<[unknown, unknown]> };
  for (const row of raw.activities) {
    const a = row.activity;
    const at = `${where}: activity ${row.id}`;
    expect(row.id, at).toBe(a.id);
    expect(row.created, `${at}: created`).toBe(A.instant(a.createdAt));
    expect(row.type, `${at}: type`).toBe(a.activityType);
    expect(A.ACTIVITY_TYPES, `${at}: canonical type`).toContain(a.activityType);
    expect('contactId' in a, `${at}: the returned activity carries no contactId`).toBe(false);
    expect(typeof a.activityDetails?.summary, `${at}: details.summary`).toBe('string');
    if (row.contactId !== undefined) {
      expect(contactIds.has(row.contactId), `${at}: contactId ${row.contactId} names an existing contact`).toBe(true);
      act.byContact.push([[row.contactId, row.created, row.id], row.id]);
      act.byContactType.push([[row.contactId, row.type, row.created, row.id], row.id]);
    }
    if (row.session !== undefined) act.bySession.push([row.session, row.id]);
    act.byCreated.push([[row.created, row.id], row.id]);
    act.byType.push([[row.type, row.created, row.id], row.id]);
  }
  for (const name of ['byCreated', 'byContact', 'byType', 'byContactType', 'bySession'] as const) {
    expect(entryTexts(idx(`activities.${name}`)), `${where}: activities.${name} entries agree with the records`).toEqual(entryTexts(act[name]));
  }
  for (const s of raw.sessions) {
    if (s.contactId !== undefined) expect(contactIds.has(s.contactId), `${where}: session ${s.id} names an existing contact`).toBe(true);
  }

  // The public API lists exactly these records, newest first, each once.
  const contactOrder = [...raw.contacts].sort((a, b) => bySortKey(b, a));
  const listed = await pageAll<Contact>((ok, fail) => h.shim.Wix.Contacts.getContacts({ pageSize: 500 }, ok, fail));
  expect(listed.total, `${where}: getContacts total`).toBe(raw.contacts.length);
  expect(listed.items.map((c) => c.id), `${where}: getContacts lists every contact once, newest first`).toEqual(contactOrder.map((r) => r.id));
  same(listed.items, contactOrder.map((r) => r.contact), `${where}: getContacts returns the stored contacts`);
  const activityOrder = [...raw.activities].sort((a, b) => bySortKey(b, a));
  const acts = await pageAll<Activity>((ok, fail) => h.shim.Wix.Activities.getActivities(ok, fail, { pageSize: 500 }));
  expect(acts.items.map((a) => a.id), `${where}: getActivities lists every activity once, newest first`).toEqual(activityOrder.map((r) => r.id));
  const status = await h.shim.status();
  expect(status.counts, `${where}: status counts`).toEqual({ contacts: raw.contacts.length, activities: raw.activities.length });
  assertNoPollution();
  return raw;
}

/** Every page of a cursor query, following `next`, strictly (one async callback per page). */
async function pageAll<T>(start: (ok: (c: Cursor<T>) => void, fail: (e: unknown) => void) => void): Promise<{ items: T[]; total: number | undefined }> {
  const cursor = await success<Cursor<T>>((ok, fail) => start(ok, fail));
  const items = [...cursor.getData()];
  let guard = 0;
  while (cursor.hasNext()) {
    const page = await success<T[]>((ok, fail) => cursor.next(ok, fail));
    expect(page.length, 'a page that hasNext promised is not empty').toBeGreaterThan(0);
    items.push(...page);
    if (++guard > 10_000) throw new Error('cursor never ends');
  }
  return { items, total: cursor.getTotal() };
}

// ---------------------------------------------------------------------------------------------
// Console: failures warn and throwing callbacks are reported with console.error; keep the run quiet.

beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterAll(() => {
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------------------------------------
// Mutating methods

describe('reconcileContact, for any input', () => {
  it(`follows the calling conventions, stores nothing on failure and never duplicates a match (${RUNS} runs)`, async () => {
    const h = await harness();
    let before = await readRaw(h.db, { activities: false });
    let stale = false; // a run that failed part-way leaves `before` unknown
    const arb = fc.record({
      c: A.contactCase,
      s: fc.option(A.cbSpec, { nil: undefined, freq: 6 }),
      f: fc.option(A.cbSpec, { nil: undefined, freq: 6 }),
    });
    const mix = await assertProperty(arb, async ({ c, s, f }, i) => {
      if (stale) before = await readRaw(h.db, { activities: false });
      stale = true;
      const info = c.info;
      const inputBefore = fingerprint(info);
      const sv = positionValue(s);
      const fv = positionValue(f);
      const expectThrow =
        info === undefined ? SDK.contactMissing
          : typeof info !== 'object' ? SDK.contactNotObject
            : sv !== undefined && !isFn(sv) ? SDK.onSuccess
              : fv !== undefined && !isFn(fv) ? SDK.onFailure
                : undefined;
      const mustCall = expectThrow === undefined && (
        (isFnSpec(s) && isFnSpec(f)) || (c.expect === 'ok' && isFnSpec(s)) || (c.expect === 'bad' && isFnSpec(f)));
      const obs = await observe(() => `reconcileContact(${c.why})`, {
        cbs: [{ name: 'onSuccess', spec: s }, { name: 'onFailure', spec: f }],
        invoke: ([ok, fail]) => h.shim.Wix.Contacts.reconcileContact(info as object, ok as never, fail as never),
        mustCall,
        barrier: barrierOf(h),
      });
      const out = convention(obs, expectThrow, { mustCall });
      const after = await readRaw(h.db, { activities: false });
      const status = await counts(h);
      expect(status.contacts, 'status counts agree with the rows').toBe(after.contacts.length);
      if (inputBefore !== undefined) expect(fingerprint(info), 'the input is not modified').toBe(inputBefore);
      const succeeded = out.kind === 'called' && out.name === 'onSuccess';
      if (!succeeded) {
        if (out.kind === 'called') checkFailureCode(out.value, c);
        if (out.kind !== 'none') same(after.contacts, before.contacts, `a failed reconcile stores nothing (${c.why})`);
        else if (c.expect === 'bad') same(after.contacts, before.contacts, `an invalid reconcile stores nothing (${c.why})`);
        if (out.kind === 'threw' || out.kind === 'called') expect(status.contacts).toBe(before.contacts.length);
      } else {
        expect(c.expect, `success for input that must fail: ${c.why}`).not.toBe('bad');
        checkReconcile(out.value as ReconcileResult, wire(info) as Json, before.contacts, after.contacts);
      }
      before = after;
      stale = false;
      assertNoPollution();
      if ((i + 1) % CHECK_EVERY === 0) await checkStore(h, `after reconcile run ${i + 1}`);
    });
    expectMix(mix, { onSuccess: 0.15, onFailure: 0.15, threw: 0.02 });
    const raw = await checkStore(h, 'after the reconcile property');
    expect(raw.contacts.length, 'reconciles created contacts').toBeGreaterThan(1);
  }, TEST_TIMEOUT_MS);
});

/** SPEC §2.3 on one successful reconcile, given the rows before and after it. */
function checkReconcile(r: ReconcileResult, sent: Json, before: ContactRow[], after: ContactRow[]): void {
  same(r.Contact, r.contact, 'Contact and contact are the same contact');
  expect(r.details.isNew).toBe(r.isNew);
  expect(r.details.note).toEqual({ returnedData: 'COMPLETE', requiredPermissionsForAllData: [] });
  expect(r.details.rejectedData.map((d) => d.key)).toEqual(r.details.existingData.map((d) => d.key));
  for (const d of r.details.rejectedData) expect(['name', 'company', 'picture']).toContain(d.key);
  checkContactShape(r.contact, 'reconciled contact');
  const keys = keysOf(sent);
  expect(keys.emails.length + keys.phones.length, 'a reconcile that succeeded had an email or phone').toBeGreaterThan(0);
  const match = earliest(before.filter((row) => holdsAny(row.contact, keys)));
  if (match) {
    expect(r.isNew, `an existing contact (${match.id}) holds one of ${JSON.stringify(keys)}: no new contact`).toBe(false);
    expect(r.contact.id, 'the earliest-created matching contact is the one updated').toBe(match.id);
    expect(r.contact.createdAt).toBe(match.contact.createdAt);
    for (const key of ARRAYS) {
      same(r.contact[key].slice(0, match.contact[key].length), match.contact[key], `merge keeps the existing ${key}`);
    }
    for (const part of ['prefix', 'first', 'middle', 'last', 'suffix'] as const) {
      if (match.contact.name[part]) expect(r.contact.name[part], `merge keeps name.${part}`).toBe(match.contact.name[part]);
    }
  } else {
    expect(r.isNew, `no contact held any of ${JSON.stringify(keys)}: a new contact`).toBe(true);
    expect(before.map((row) => row.id)).not.toContain(r.contact.id);
  }
  const own = keysOf(r.contact);
  for (const e of keys.emails) expect(own.emails, 'the contact holds every email sent').toContain(e);
  for (const p of keys.phones) expect(own.phones, 'the contact holds every phone sent').toContain(p);
  // Exactly that contact changed or appeared; all others are untouched.
  const expected = new Map(before.map((row) => [row.id, row.contact]));
  expected.set(r.contact.id, r.contact);
  expect(after.length, 'rows after').toBe(expected.size);
  for (const row of after) same(row.contact, expected.get(row.id), `contact ${row.id} after the reconcile`);
}

describe('postActivity, for any input', () => {
  it(`follows the calling conventions, stores nothing on failure and links as the session says (${RUNS} runs)`, async () => {
    const h = await harness();
    const editor = await harness({ viewMode: 'editor' });
    const model = { activities: 0, unlinked: new Set<string>() };
    let before = await readRaw(h.db, { activities: false });
    let stale = false;
    const arb = fc.record({
      editorMode: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
      a: A.activityCase,
      s: fc.option(A.cbSpec, { nil: undefined, freq: 8 }),
      f: fc.option(A.cbSpec, { nil: undefined, freq: 8 }),
    });
    /** Re-reads the model from the store, after a call whose outcome no callback told. */
    const resync = async () => {
      const raw = await readRaw(h.db);
      model.activities = raw.activities.length;
      model.unlinked = new Set(raw.activities.filter((r) => r.contactId === undefined).map((r) => r.id));
    };
    const mix = await assertProperty(arb, async ({ editorMode, a, s, f }, i) => {
      if (stale) { before = await readRaw(h.db, { activities: false }); await resync(); }
      stale = true;
      const target = editorMode ? editor : h;
      const inputBefore = fingerprint(a.activity);
      const mustCall = !editorMode && (
        (isFnSpec(s) && isFnSpec(f)) || (a.expect === 'ok' && !a.storageMayFail && isFnSpec(s)) || (a.expect === 'bad' && isFnSpec(f)));
      const obs = await observe(() => `postActivity(${a.why})`, {
        cbs: [{ name: 'onSuccess', spec: s }, { name: 'onFailure', spec: f }],
        invoke: ([ok, fail]) => target.shim.Wix.Activities.postActivity(a.activity as never, ok as never, fail as never),
        mustCall,
        barrier: barrierOf(target),
      });
      const out = convention(obs, editorMode ? SDK.viewMode : undefined, { mustCall });
      if (inputBefore !== undefined) expect(fingerprint(a.activity), 'the input is not modified').toBe(inputBefore);
      if (editorMode) {
        expect(await counts(editor), 'an editor-mode postActivity stores nothing').toEqual({ contacts: 0, activities: 0 });
        assertNoPollution();
        stale = false;
        return;
      }
      const after = await readRaw(h.db, { activities: false });
      const status = await counts(h);
      const session = (raw: Raw) => raw.sessions.find((x) => x.id === h.session)?.contactId;
      // The SDK's reply handler: with no onSuccess, a success reaches onFailure (the conformance suite shows it).
      const successAsFailure = out.kind === 'called' && out.name === 'onFailure' && !isFnSpec(s) && typeof (out.value as { activityId?: unknown })?.activityId === 'string';
      if (out.kind === 'called' && (out.name === 'onSuccess' || successAsFailure)) {
        expect(a.expect, `success for input that must fail: ${a.why}`).not.toBe('bad');
        await checkPost(h, out.value as PostActivityResult, a, before, after, session(before), model);
        expect(status.activities, 'one activity more').toBe(model.activities);
      } else {
        if (out.kind === 'called') {
          const body = out.value as { errorCode?: unknown; message?: unknown; wixErrorCode?: unknown };
          expect(typeof body?.message, 'postActivity onFailure gets {errorCode, message, wixErrorCode}').toBe('string');
          expect(typeof body.wixErrorCode).toBe('number');
          if (a.expect === 'ok' && !a.storageMayFail) throw new Error(`expected success for ${a.why}, got ${JSON.stringify(body)}`);
          expect(body.errorCode === 400 || (a.storageMayFail && body.errorCode === 500), `errorCode ${String(body.errorCode)} (${a.why}): ${String(body.message).slice(0, 300)}`).toBe(true);
        }
        if (out.kind === 'none' && status.activities !== model.activities) {
          // It succeeded without an onSuccess to say so.
          expect(a.expect, `stored an activity for input that must fail: ${a.why}`).not.toBe('bad');
          await resync();
        } else {
          expect(status.activities, `a failed postActivity stores no activity (${a.why})`).toBe(model.activities);
          same(after.contacts, before.contacts, `a failed postActivity changes no contact (${a.why})`);
          same(after.sessions, before.sessions, 'a failed postActivity changes no session');
        }
      }
      before = after;
      stale = false;
      assertNoPollution();
      if ((i + 1) % CHECK_EVERY === 0) {
        const raw = await checkStore(h, `after postActivity run ${i + 1}`);
        expect(raw.activities.length).toBe(model.activities);
        expect(new Set(raw.activities.filter((r) => r.contactId === undefined).map((r) => r.id)), 'unlinked activities').toEqual(model.unlinked);
      }
    });
    expectMix(mix, { onSuccess: 0.15, onFailure: 0.15, threw: 0.02 });
    const raw = await checkStore(h, 'after the postActivity property');
    expect(raw.activities.length).toBe(model.activities);
    expect(raw.activities.length, 'postActivity stored activities').toBeGreaterThan(RUNS / 10);
    expect(raw.activities.some((r) => r.contactId !== undefined), 'some activities are linked').toBe(true);
    await checkStore(editor, 'the editor-mode instance');
  }, TEST_TIMEOUT_MS);
});

/** SPEC §2.2 on one successful post, given the rows before and after it. */
async function checkPost(
  h: Harness, result: PostActivityResult, a: A.ActivityCase, before: Raw, after: Raw, sessionBefore: string | undefined,
  model: { activities: number; unlinked: Set<string> },
): Promise<void> {
  expect(typeof result.activityId).toBe('string');
  expect(result.contactId === null || typeof result.contactId === 'string').toBe(true);
  const sent = wire(a.activity) as Json;
  const cu = sent.contactUpdate;
  const keys = cu && typeof cu === 'object' ? keysOf(cu as Json) : { emails: [], phones: [] };
  let expected: string | null | 'new';
  if (keys.emails.length || keys.phones.length) expected = earliest(before.contacts.filter((r) => holdsAny(r.contact, keys)))?.id ?? 'new';
  else expected = sessionBefore ?? null;
  if (expected === 'new') {
    expect(result.contactId, 'a contactUpdate that matches nobody creates a contact').not.toBeNull();
    expect(before.contacts.map((r) => r.id)).not.toContain(result.contactId);
    expect(after.contacts.length).toBe(before.contacts.length + 1);
  } else {
    expect(result.contactId, `linked contact (contactUpdate keys ${JSON.stringify(keys)}, session ${String(sessionBefore)})`).toBe(expected);
    expect(after.contacts.length).toBe(before.contacts.length);
  }
  for (const row of after.contacts) {
    if (row.id !== result.contactId) same(row.contact, before.contacts.find((r) => r.id === row.id)?.contact, `contact ${row.id} is untouched`);
    else {
      checkContactShape(row.contact, 'linked contact');
      const own = keysOf(row.contact);
      for (const e of keys.emails) expect(own.emails).toContain(e);
      for (const p of keys.phones) expect(own.phones).toContain(p);
    }
  }
  // The stored row, raw and through getActivityById.
  const tx = h.db.transaction(['activities'], 'readonly');
  const row = await request(tx.objectStore('activities').get(result.activityId) as IDBRequest<ActivityRow | undefined>);
  expect(row, 'the activity is stored').toBeDefined();
  if (!row) return;
  expect(row.contactId).toBe(result.contactId ?? undefined);
  expect(row.session).toBe(h.session);
  expect(row.type).toBe(a.canonical);
  expect(row.activity.activityType).toBe(a.canonical);
  expect(JSON.stringify(row.activity.activityInfo), 'info is kept as sent (JSON), unknown and __proto__ keys included').toBe(JSON.stringify(sent.info));
  expect(row.activity.activityDetails).toEqual(sent.details);
  const fetched = await success<Activity>((ok, fail) => h.shim.Wix.Activities.getActivityById(result.activityId, ok, fail));
  same(fetched, row.activity, 'getActivityById returns the stored activity');
  // Session linking.
  model.activities++;
  if (result.contactId === null) model.unlinked.add(result.activityId);
  else if (result.contactId !== sessionBefore) {
    const ids = [...model.unlinked];
    const tx2 = h.db.transaction(['activities'], 'readonly');
    const rows = await Promise.all(ids.map((id) => request(tx2.objectStore('activities').get(id) as IDBRequest<ActivityRow | undefined>)));
    rows.forEach((r, k) => expect(r?.contactId, `earlier unlinked activity ${ids[k]} of the session is linked now`).toBe(result.contactId));
    model.unlinked.clear();
  }
  const sessionAfter = after.sessions.find((x) => x.id === h.session)?.contactId;
  expect(sessionAfter, "the session's contact").toBe(result.contactId ?? sessionBefore);
}

describe('seed, for any fixture', () => {
  it(`returns a promise; a refused fixture changes nothing; a valid one is stored as given (${RUNS} runs)`, async () => {
    const h = await harness();
    const snapshot = async () => JSON.stringify(await readRaw(h.db));
    let before = await snapshot();
    let stale = false;
    const mix = await assertProperty(A.fixtureCase, async (fx, i) => {
      if (stale) before = await snapshot();
      stale = true;
      const logBefore = h.shim.log().length;
      const inputBefore = fingerprint(fx.fixture);
      let promise: unknown;
      try {
        promise = h.shim.seed(fx.fixture as never);
      } catch (error) {
        throw new Error(`seed threw synchronously: ${String(error)}`);
      }
      expect(isFn((promise as { then?: unknown } | null)?.then), 'seed returns a promise').toBe(true);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settled = await Promise.race([
        (promise as Promise<void>).then(() => ({ ok: true as const }), (error: unknown) => ({ ok: false as const, error })),
        new Promise<{ ok: 'timeout' }>((resolve) => { timer = setTimeout(() => resolve({ ok: 'timeout' }), CALLBACK_TIMEOUT_MS); }),
      ]);
      clearTimeout(timer);
      if (settled.ok === 'timeout') throw new Error('seed never settled');
      count(settled.ok ? 'resolved' : 'rejected');
      if (inputBefore !== undefined) expect(fingerprint(fx.fixture), 'the fixture is not modified').toBe(inputBefore);
      const after = await snapshot();
      if (!settled.ok) {
        const e = settled.error as { name?: unknown; message?: unknown; code?: unknown };
        expect(after, `a refused seed changes nothing (${fx.why})`).toBe(before);
        expect(fx.expect, `a valid fixture was refused (${fx.why}): ${String(e?.message)}`).not.toBe('ok');
        if (!fx.storageMayFail) {
          expect(e instanceof Error && e.name === 'ShimFailure', `seed rejects with the shim's own failure, not ${String(e?.name)}: ${String(e?.message).slice(0, 200)} (${fx.why})`).toBe(true);
          expect(e.code).toBe('BAD_REQUEST');
          expect(String(e.message), 'the refusal says what to fix').toMatch(/^Failed to \S/);
          expect(h.shim.log().at(-1)?.message, 'the refusal is logged').toBe(e.message);
          expect(h.shim.log().length).toBeGreaterThanOrEqual(Math.min(100, logBefore + 1));
        }
      } else {
        expect(fx.expect, `seed accepted a fixture it must refuse: ${fx.why}`).not.toBe('bad');
        const raw = JSON.parse(after) as Raw;
        const f = (fx.fixture ?? {}) as { contacts?: Json[] | null; activities?: Json[] | null };
        if (fx.expect === 'ok') {
          const contacts = f.contacts ?? [];
          const activities = f.activities ?? [];
          expect(raw.contacts.length, 'every contact of the fixture is stored').toBe(contacts.length);
          expect(raw.activities.length, 'every activity of the fixture is stored').toBe(activities.length);
          for (const c of contacts) if (typeof c.id === 'string') expect(raw.contacts.map((r) => r.id)).toContain(c.id);
          for (const act of activities) {
            if (typeof act.id !== 'string') continue;
            const row = raw.activities.find((r) => r.id === act.id);
            expect(row?.contactId, `activity ${act.id} links to its fixture contact`).toBe(act.contactId);
            expect(row?.activity.activityType).toBe(A.canonicalOf(act.activityType));
          }
        }
        expect(raw.sessions, 'seed clears sessions').toEqual([]);
      }
      before = after;
      stale = false;
      assertNoPollution();
      if ((i + 1) % CHECK_EVERY === 0) await checkStore(h, `after seed run ${i + 1}`);
    });
    expectMix(mix, { resolved: 0.15, rejected: 0.15 });
    await checkStore(h, 'after the seed property');
  }, TEST_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------------------------
// Reads, on one seeded instance

interface ReadsModel {
  h: Harness;
  contacts: ContactRow[];
  activities: ActivityRow[];
  contactIds: string[];
  activityIds: string[];
  range: [number, number];
}

const BASE = Date.UTC(2024, 0, 1);
/** One instant in three spellings: UTC, +02:00, and zone-less (read as UTC). */
function spell(ms: number, i: number): string {
  const iso = new Date(ms).toISOString();
  if (i % 3 === 0) return iso;
  if (i % 3 === 1) return new Date(ms + 7_200_000).toISOString().replace('Z', '+02:00');
  return iso.slice(0, 19);
}

/** 90 contacts and 120 activities; equal timestamps, ids out of creation order, labels, links. */
function readsFixture(): { contacts: Json[]; activities: Json[] } {
  const contacts: Json[] = [];
  for (let i = 0; i < 90; i++) {
    const created = BASE + (i - (i % 4 === 1 ? 1 : 0)) * 60_000;
    const c: Json = {
      name: { first: `First${i}`, last: 'Reader' },
      emails: [{ tag: 'main', email: `reader${i}@reads.example.com` }],
      phones: i % 2 ? [{ tag: 'mobile', phone: `+1 555 01${String(i).padStart(2, '0')}` }] : [],
      tags: A.LABELS.filter((_, k) => (i >> k) & 1),
      createdAt: spell(created, i),
    };
    if (i % 5 !== 0) c.id = `c-${String((i * 7919) % 1000).padStart(3, '0')}`;
    contacts.push(c);
  }
  const linkable = contacts.map((c) => c.id).filter((id): id is string => typeof id === 'string');
  const activities: Json[] = [];
  for (let i = 0; i < 120; i++) {
    const type = A.ACTIVITY_TYPES[i % A.ACTIVITY_TYPES.length]!;
    const created = BASE + (i - (i % 5 === 2 ? 1 : 0)) * 30_000;
    const a: Json = {
      activityType: A.spellingsOf(type)[i % A.spellingsOf(type).length],
      activityInfo: validActivityInfo[type],
      createdAt: spell(created, i + 1),
      activityDetails: { additionalInfoUrl: null, summary: `activity ${i}` },
    };
    if (i % 4 !== 0) a.id = `a-${String((i * 104_729) % 100_000).padStart(5, '0')}`;
    if (i % 3 !== 0) a.contactId = linkable[i % linkable.length];
    activities.push(a);
  }
  return { contacts, activities };
}

let reads: ReadsModel | undefined;
async function readsModel(): Promise<ReadsModel> {
  if (reads) return reads;
  const h = await harness();
  await h.shim.seed(readsFixture() as never);
  const raw = await checkStore(h, 'the seeded read model');
  reads = {
    h,
    contacts: raw.contacts,
    activities: raw.activities,
    contactIds: raw.contacts.map((r) => r.id),
    activityIds: raw.activities.map((r) => r.id),
    range: [BASE, BASE + 120 * 30_000],
  };
  return reads;
}

/** The contacts getContacts must list for these options (already known to be valid), newest first. */
function expectedContacts(m: ReadsModel, options: unknown): { ids: string[]; pageSize: number } {
  const o = (options ?? {}) as { pageSize?: number | null; label?: string | string[] | null };
  const labels = o.label == null ? undefined : typeof o.label === 'string' ? [o.label] : o.label;
  const rows = m.contacts.filter((r) => !labels || r.contact.tags.some((t) => labels.includes(t)));
  return { ids: rows.sort((a, b) => bySortKey(b, a)).map((r) => r.id), pageSize: o.pageSize ?? 25 };
}

/** The activities getActivities must list for this query (as sent over the wire). */
function expectedActivities(m: ReadsModel, query: unknown): { ids: string[]; pageSize: number } {
  const q = (wire(query) ?? {}) as { activityTypes?: string | string[]; from?: string; until?: string; contactId?: string; sort?: string; pageSize?: number | null };
  const types = q.activityTypes == null ? undefined : (typeof q.activityTypes === 'string' ? [q.activityTypes] : q.activityTypes).map(A.canonicalOf);
  const from = q.from == null ? -Infinity : A.instant(q.from);
  const until = q.until == null ? Infinity : A.instant(q.until);
  const rows = m.activities.filter((r) =>
    (!types || types.includes(r.type)) && (q.contactId == null || r.contactId === q.contactId) && r.created >= from && r.created <= until);
  rows.sort(q.sort === 'asc' ? bySortKey : (a, b) => bySortKey(b, a));
  return { ids: rows.map((r) => r.id), pageSize: q.pageSize ?? 20 };
}

/** A first page against its model: data, total, page size and paging flags. */
function checkFirstPage<T extends { id: string }>(cursor: Cursor<T>, exp: { ids: string[]; pageSize: number }, withTotal: boolean, where: string): void {
  expect(isFn(cursor?.getData), `${where}: onSuccess gets a WixDataCursor`).toBe(true);
  expect(cursor.getData().map((x) => x.id), `${where}: first page`).toEqual(exp.ids.slice(0, exp.pageSize));
  expect(cursor.getPageSize(), `${where}: page size`).toBe(exp.pageSize);
  expect(cursor.getTotal(), `${where}: total`).toBe(withTotal ? exp.ids.length : undefined);
  expect(cursor.hasNext(), `${where}: hasNext`).toBe(exp.ids.length > exp.pageSize);
  expect(cursor.hasPrevious(), `${where}: hasPrevious`).toBe(false);
}

describe('reads on a seeded store, for any input', () => {
  it(`getContacts (${RUNS} runs)`, async () => {
    const m = await readsModel();
    const arb = fc.record({ o: A.contactsOptionsCase, s: A.cbSpec, f: fc.option(A.cbSpec, { nil: undefined, freq: 4 }) });
    const mix = await assertProperty(arb, async ({ o, s, f }) => {
      const inputBefore = fingerprint(o.value);
      const sv = positionValue(s);
      const expectThrow = typeof o.value !== 'object' ? SDK.options : !isFn(sv) ? SDK.onSuccess : undefined;
      const mustCall = expectThrow === undefined && ((isFnSpec(s) && isFnSpec(f)) || (o.expect === 'ok' && isFnSpec(s)));
      const obs = await observe(() => `getContacts(${o.why})`, {
        cbs: [{ name: 'onSuccess', spec: s }, { name: 'onFailure', spec: f }],
        invoke: ([ok, fail]) => m.h.shim.Wix.Contacts.getContacts(o.value as never, ok as never, fail as never),
        mustCall,
        barrier: barrierOf(m.h),
      });
      const out = convention(obs, expectThrow, { mustCall });
      if (inputBefore !== undefined) expect(fingerprint(o.value), 'the options are not modified').toBe(inputBefore);
      if (out.kind === 'called' && out.name === 'onFailure') checkFailureCode(out.value, o);
      if (out.kind === 'called' && out.name === 'onSuccess') {
        expect(o.expect, `success for options that must fail: ${o.why}`).not.toBe('bad');
        const cursor = out.value as Cursor<Contact>;
        if (o.expect === 'ok') checkFirstPage(cursor, expectedContacts(m, o.value), true, `getContacts(${o.why})`);
        else {
          expect(cursor.getData().length).toBeLessThanOrEqual(cursor.getPageSize());
          for (const c of cursor.getData()) expect(m.contactIds).toContain(c.id);
        }
      }
      assertNoPollution();
    });
    expectMix(mix, { onSuccess: 0.3, onFailure: 0.1, threw: 0.02 });
    await checkStore(m.h, 'after getContacts');
  }, TEST_TIMEOUT_MS);

  /** getContactById and getActivityById share one shape: an id, two callbacks, one stored record. */
  const byIdProperty = (method: 'getContactById' | 'getActivityById') => async () => {
    const m = await readsModel();
    const contact = method === 'getContactById';
    const ids = contact ? m.contactIds : m.activityIds;
    const call = (id: unknown, ok: unknown, fail: unknown) => (contact
      ? m.h.shim.Wix.Contacts.getContactById(id as never, ok as never, fail as never)
      : m.h.shim.Wix.Activities.getActivityById(id as never, ok as never, fail as never));
    const stored = (id: unknown) => (contact
      ? m.contacts.find((r) => r.id === id)?.contact
      : m.activities.find((r) => r.id === id)?.activity);
    const arb = fc.record({ id: A.idCase(ids), s: A.cbSpec, f: A.cbSpec });
    const mix = await assertProperty(arb, async ({ id, s, f }) => {
      const expectThrow = typeof id.id !== 'string' ? SDK.id : !isFn(positionValue(s)) ? SDK.onSuccess : !isFn(positionValue(f)) ? SDK.onFailure : undefined;
      const obs = await observe(() => `${method}(${String(id.id).slice(0, 40)})`, {
        cbs: [{ name: 'onSuccess', spec: s }, { name: 'onFailure', spec: f }],
        invoke: ([ok, fail]) => call(id.id, ok, fail),
        mustCall: expectThrow === undefined,
        barrier: barrierOf(m.h),
      });
      const out = convention(obs, expectThrow, { mustCall: expectThrow === undefined });
      if (out.kind === 'called') {
        if (id.known) {
          expect(out.name, 'a known id is found').toBe('onSuccess');
          same(out.value, stored(id.id), `${method} returns the stored ${contact ? 'contact' : 'activity'}`);
        } else checkFailureCode(out.value, { expect: 'bad', code: 'NOT_FOUND', why: 'unknown id' });
      }
      assertNoPollution();
    });
    expectMix(mix, { onSuccess: 0.3, onFailure: 0.1, threw: 0.1 });
  };

  it(`getContactById (${RUNS} runs)`, byIdProperty('getContactById'), TEST_TIMEOUT_MS);

  it(`getActivities (${RUNS} runs)`, async () => {
    const m = await readsModel();
    const arb = fc.record({ q: A.activitiesQueryCase(m.contactIds, m.range), s: A.cbSpec, f: A.cbSpec, leaveOut: fc.boolean() });
    const mix = await assertProperty(arb, async ({ q, s, f, leaveOut }) => {
      const omitted = leaveOut && q.value === undefined;
      const inputBefore = fingerprint(q.value);
      const expectThrow = !isFn(positionValue(s)) ? SDK.onSuccess : !isFn(positionValue(f)) ? SDK.onFailure : undefined;
      const mustCall = expectThrow === undefined;
      const obs = await observe(() => `getActivities(${q.why})`, {
        cbs: [{ name: 'onSuccess', spec: s }, { name: 'onFailure', spec: f }],
        invoke: ([ok, fail]) => (omitted
          ? m.h.shim.Wix.Activities.getActivities(ok as never, fail as never)
          : m.h.shim.Wix.Activities.getActivities(ok as never, fail as never, q.value as never)),
        mustCall,
        barrier: barrierOf(m.h),
      });
      const out = convention(obs, expectThrow, { mustCall });
      if (inputBefore !== undefined) expect(fingerprint(q.value), 'the query is not modified').toBe(inputBefore);
      if (out.kind === 'called' && out.name === 'onFailure') checkFailureCode(out.value, q);
      if (out.kind === 'called' && out.name === 'onSuccess') {
        expect(q.expect, `success for a query that must fail: ${q.why}`).not.toBe('bad');
        const cursor = out.value as Cursor<Activity>;
        if (q.expect === 'ok') checkFirstPage(cursor, expectedActivities(m, q.value), false, `getActivities(${q.why})`);
        else for (const a of cursor.getData()) expect(m.activityIds).toContain(a.id);
      }
      assertNoPollution();
    });
    expectMix(mix, { onSuccess: 0.3, onFailure: 0.1, threw: 0.05 });
  }, TEST_TIMEOUT_MS);

  it(`getActivityById (${RUNS} runs)`, byIdProperty('getActivityById'), TEST_TIMEOUT_MS);

  it(`getUserSessionToken (${RUNS} runs)`, async () => {
    const m = await readsModel();
    let token: string | undefined;
    const arb = fc.option(A.cbSpec, { nil: undefined, freq: 8 });
    const mix = await assertProperty(arb, async (cb) => {
      const obs = await observe(() => 'getUserSessionToken', {
        cbs: [{ name: 'callback', spec: cb }],
        invoke: ([callback]) => m.h.shim.Wix.Activities.getUserSessionToken(callback as never),
        mustCall: isFnSpec(cb),
        barrier: macrotask,
      });
      const out = convention(obs, undefined, { mustCall: isFnSpec(cb) });
      if (out.kind === 'called') {
        expect(typeof out.value, 'the token is a string').toBe('string');
        token ??= out.value as string;
        expect(out.value, 'the token is stable for the page session').toBe(token);
      }
      assertNoPollution();
    });
    expect(token).toBe(`wix-hive-shim.${m.h.session}`);
    expectMix(mix, { callback: 0.6, none: 0.05 });
  }, TEST_TIMEOUT_MS);

  it(`a cursor's next and previous (${RUNS} runs of 1–6 moves)`, async () => {
    const m = await readsModel();
    const start = fc.oneof(
      fc.record(
        { pageSize: fc.integer({ min: 1, max: 12 }), label: fc.constantFrom(...A.LABELS) },
        { requiredKeys: ['pageSize'] },
      ).map((options) => ({ kind: 'contacts' as const, options })),
      fc.record(
        {
          pageSize: fc.integer({ min: 1, max: 12 }),
          sort: fc.constantFrom('asc', 'desc'),
          activityTypes: fc.uniqueArray(fc.constantFrom(...A.ACTIVITY_TYPES), { minLength: 1, maxLength: 8 }),
          contactId: fc.constantFrom(...m.contactIds.slice(0, 10)),
        },
        { requiredKeys: ['pageSize'] },
      ).map((options) => ({ kind: 'activities' as const, options })),
    );
    const move = fc.record({
      forward: fc.boolean(),
      s: A.cbSpec,
      f: fc.option(A.cbSpec, { nil: undefined, freq: 3 }),
    });
    const mix = await assertProperty(fc.record({ start, moves: fc.array(move, { minLength: 1, maxLength: 6 }) }), async ({ start: st, moves }) => {
      const exp = st.kind === 'contacts' ? expectedContacts(m, st.options) : expectedActivities(m, st.options);
      const cursor = await success<Cursor<{ id: string }>>((ok, fail) =>
        st.kind === 'contacts'
          ? m.h.shim.Wix.Contacts.getContacts(st.options, ok as never, fail)
          : m.h.shim.Wix.Activities.getActivities(ok as never, fail, st.options as never));
      checkFirstPage(cursor, exp, st.kind === 'contacts', `${st.kind} cursor`);
      const total = cursor.getTotal();
      const n = exp.ids.length;
      const ps = exp.pageSize;
      let [from, to] = [0, Math.min(ps, n)];
      for (const [k, mv] of moves.entries()) {
        const dir = mv.forward ? 'next' : 'previous';
        const hasPage = mv.forward ? to < n : from > 0;
        expect(mv.forward ? cursor.hasNext() : cursor.hasPrevious(), `has${mv.forward ? 'Next' : 'Previous'} before move ${k}`).toBe(hasPage);
        const sv = positionValue(mv.s);
        const fv = positionValue(mv.f);
        // onSuccess is required (SPEC §2.1: a required callback that is not a function throws the SDK
        // string); onFailure is optional, and a non-function one may be refused the same way or ignored.
        const expectThrow = !isFn(sv) ? SDK.onSuccess : undefined;
        const mayThrow = fv !== undefined && !isFn(fv) ? SDK.onFailure : undefined;
        const obs = await observe(() => `cursor.${dir}() move ${k}`, {
          cbs: [{ name: 'onSuccess', spec: mv.s }, { name: 'onFailure', spec: mv.f }],
          invoke: ([ok, fail]) => (mv.forward ? cursor.next(ok as never, fail as never) : cursor.previous(ok as never, fail as never)),
          mustCall: expectThrow === undefined,
          barrier: barrierOf(m.h),
        });
        const out = convention(obs, expectThrow, { mustCall: expectThrow === undefined, syncEmptyAllowed: !hasPage, ...(mayThrow ? { mayThrow } : {}) });
        count(hasPage ? 'page' : 'no page');
        if (out.kind === 'threw') continue;
        expect(out.kind === 'called' && out.name, `cursor.${dir} calls onSuccess`).toBe('onSuccess');
        const page = (out as { value: Array<{ id: string }> }).value;
        if (!hasPage) {
          expect(page, `no ${dir} page: onSuccess([])`).toEqual([]);
          expect(obs.calls[0]?.sync, `no ${dir} page: onSuccess([]) at once, as the SDK did`).toBe(true);
        } else {
          [from, to] = mv.forward ? [to, Math.min(to + ps, n)] : [Math.max(0, from - ps), from];
          expect(page.map((x) => x.id), `cursor.${dir} page [${from}, ${to})`).toEqual(exp.ids.slice(from, to));
          expect(cursor.getData().map((x) => x.id), 'getData() is the new page').toEqual(exp.ids.slice(from, to));
        }
        expect(cursor.hasNext(), `hasNext after move ${k}`).toBe(to < n);
        expect(cursor.hasPrevious(), `hasPrevious after move ${k}`).toBe(from > 0);
        expect(cursor.getTotal(), 'getTotal keeps its first value').toBe(total);
        expect(cursor.getPageSize(), 'getPageSize keeps its first value').toBe(ps);
      }
      assertNoPollution();
    });
    expectMix(mix, { page: 1, 'no page': 0.3 });
    await checkStore(m.h, 'after the cursor property');
  }, TEST_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------------------------
// The harness itself: it must catch what it looks for.

describe('the property harness', () => {
  type Fn = (v: unknown) => void;
  const only = (name: string) => [{ name, spec: A.fnCb() }];

  it('flags a double callback, a synchronous one, and one that comes late', async () => {
    const known = lateViolations.length;
    const twice = await observe(() => 'twice', {
      cbs: only('onSuccess'),
      invoke: ([ok]) => { void Promise.resolve().then(() => { (ok as Fn)(1); (ok as Fn)(2); }); },
      mustCall: true,
      barrier: macrotask,
    });
    expect(() => convention(twice, undefined, { mustCall: true })).toThrow(/at most one callback/);
    const sync = await observe(() => 'sync', { cbs: only('onSuccess'), invoke: ([ok]) => { (ok as Fn)(1); }, mustCall: true, barrier: macrotask });
    expect(() => convention(sync, undefined, { mustCall: true })).toThrow(/ran synchronously/);
    const thrownError = await observe(() => 'error object', { cbs: [], invoke: () => { throw new TypeError('Wix SDK: x'); }, mustCall: false, barrier: macrotask });
    expect(() => convention(thrownError, 'x', { mustCall: false })).toThrow(/must be a string/);
    await observe(() => 'late', {
      cbs: only('onSuccess'),
      invoke: ([ok]) => { setTimeout(() => (ok as Fn)(1), 0); setTimeout(() => (ok as Fn)(2), 100); },
      mustCall: true,
      barrier: macrotask,
    });
    await lastLateCheck;
    expect(lateViolations.slice(known)).toEqual(['twice: 2 callbacks (onSuccess, onSuccess)', 'late: 2 callbacks (onSuccess, onSuccess)']);
    lateViolations.length = known;
  });

  it('flags an index that disagrees with its record', async () => {
    const h = await harness();
    await success<ReconcileResult>((ok, fail) => h.shim.Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: 'Ann@Example.com' }] }, ok, fail));
    await checkStore(h, 'intact');
    const tx = h.db.transaction(['contacts'], 'readwrite');
    const store = tx.objectStore('contacts');
    const [row] = await request(store.getAll() as IDBRequest<ContactRow[]>);
    await request(store.put({ ...row!, emailKeys: ['someone@else.com'] }));
    await expect(checkStore(h, 'corrupted')).rejects.toThrow(/emailKeys = normalised emails/);
  });
});
