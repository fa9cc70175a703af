/**
 * The SDK's calling conventions, in one place every method uses (SPEC §2.1):
 * argument errors throw the SDK's string synchronously; otherwise exactly one callback runs,
 * exactly once, asynchronously; a callback that throws is reported and never causes a second call.
 */
import { ShimFailure, toFailure } from '../core/errors';
import { later, taskEnded, taskMark } from './later';

/** Where failures are announced: `[wix-hive-shim]` console warnings and an inspectable log. */
export interface Reporter {
  warn(message: string): void;
  /** A user callback threw: report it without letting it reach the shim. */
  callbackThrew(method: string, error: unknown): void;
}

/**
 * Builds what the SDK threw for a bad argument: the `stack` string of `TypeError('Wix SDK: ' + msg)`
 * (facts §3.3). Engines whose stack lacks the `TypeError: message` header get it prepended, so
 * the string starts the same everywhere.
 */
export function sdkArgumentError(message: string): string {
  const header = `TypeError: Wix SDK: ${message}`;
  const stack = new TypeError(`Wix SDK: ${message}`).stack;
  if (typeof stack === 'string' && stack.startsWith(header)) return stack;
  return stack ? `${header}\n${stack}` : header;
}

export const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';

/** The SDK's `isObject`: `typeof x === 'object'`, so `null` and arrays pass, as they did. */
export const isSdkObject = (v: unknown): boolean => typeof v === 'object';

/** Throws the SDK's argument error (after warning) unless `ok`. */
export function check(ok: boolean, sdkMessage: string, reporter: Reporter, hint: string): asserts ok {
  if (ok) return;
  reporter.warn(`${hint} (the SDK throws "Wix SDK: ${sdkMessage}").`);
  throw sdkArgumentError(sdkMessage);
}

export type Callback<T> = ((value: T) => unknown) | undefined;

/** Calls a user callback, keeping whatever it throws away from the shim. */
export function invoke<T>(method: string, callback: Callback<T>, value: T, reporter: Reporter): void {
  if (!callback) return;
  try {
    callback(value);
  } catch (error) {
    reporter.callbackThrew(method, error);
  }
}

export interface Settle<T, F> {
  /** Resolves with the method's result. */
  work: () => Promise<T>;
  onSuccess: Callback<T>;
  onFailure: Callback<F>;
  /** What `onFailure` receives for a failure. */
  failureValue: (failure: ShimFailure) => F;
  /** For messages: "reconcile the contact", "post the activity". */
  doing: string;
  method: string;
  reporter: Reporter;
  /** Waits before the callback (configurable latency); resolves at once by default. */
  delay: () => Promise<void>;
}

/**
 * Runs the work, then calls exactly one callback once, always in a later task than the call
 * (as the SDK's postMessage reply arrived), never in a microtask of it: a `later()` post, unless
 * the work already finished in another task.
 */
export function settle<T, F>(s: Settle<T, F>): void {
  const calledIn = taskMark();
  let done = false;
  const finish = (ok: boolean, value: unknown) => {
    if (done) return;
    done = true;
    const call = () => (ok ? invoke(s.method, s.onSuccess, value as T, s.reporter) : invoke(s.method, s.onFailure, value as F, s.reporter));
    // Already in a later task (the storage answered in its own): no second hop.
    if (taskEnded(calledIn)) call(); else later(call);
  };
  Promise.resolve()
    .then(s.work)
    .then(
      async (value) => { await s.delay(); finish(true, value); },
      async (error: unknown) => {
        const failure = toFailure(error, s.doing);
        s.reporter.warn(`${s.method}: ${failure.message}`);
        await s.delay();
        finish(false, s.failureValue(failure));
      },
    )
    .catch((error: unknown) => s.reporter.callbackThrew(s.method, error));
}
