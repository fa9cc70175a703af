/** Test helpers: isolated instances and callback-to-promise adapters. */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { createShim, type Shim, type ShimOptions } from '../src/shim/create-shim';

let n = 0;

/** A quiet instance on its own fresh fake-indexeddb factory. */
export function newShim(options: ShimOptions = {}): Shim & { factory: IDBFactory } {
  const factory = (options.indexedDB as IDBFactory | undefined) ?? new IDBFactory();
  const shim = createShim({ quiet: true, dbName: `test-${++n}`, ...options, indexedDB: options.indexedDB === null ? null : factory });
  return Object.assign(shim, { factory });
}

/** A {@link newShim} for this file's tests, each instance closed after the test that made it. */
export function closedAfterEach(): (options?: ShimOptions) => ReturnType<typeof newShim> {
  const open: Array<ReturnType<typeof newShim>> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return (options = {}) => {
    const s = newShim(options);
    open.push(s);
    return s;
  };
}

export type Outcome<T, E = unknown> = { ok: true; value: T } | { ok: false; error: E };

/**
 * Runs an SDK-style call and resolves with whichever callback ran. Fails the test if a callback
 * runs twice or synchronously.
 */
export function outcome<T, E = unknown>(start: (onSuccess: (v: T) => void, onFailure: (e: E) => void) => void): Promise<Outcome<T, E>> {
  return new Promise((resolve, reject) => {
    let calls = 0;
    let returned = false;
    const once = (o: Outcome<T, E>) => {
      calls++;
      if (!returned) reject(new Error('callback ran before the method returned'));
      if (calls > 1) reject(new Error('a second callback ran'));
      resolve(o);
    };
    start((value) => once({ ok: true, value }), (error) => once({ ok: false, error }));
    returned = true;
  });
}

/** Resolves with the success value; rejects with the failure. */
export async function success<T>(start: (onSuccess: (v: T) => void, onFailure: (e: unknown) => void) => void): Promise<T> {
  const o = await outcome<T>(start);
  if (!o.ok) throw new Error(`expected success, got failure: ${JSON.stringify(o.error)}`);
  return o.value;
}

/** Resolves with the failure value; rejects on success. */
export async function failure<E = unknown>(start: (onSuccess: (v: unknown) => void, onFailure: (e: E) => void) => void): Promise<E> {
  const o = await outcome<unknown, E>(start);
  if (o.ok) throw new Error(`expected failure, got success: ${JSON.stringify(o.value)}`);
  return o.error;
}

/** What a thrown value was (the SDK throws strings). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
