/**
 * The real SDK sent every payload through `JSON.stringify` to the host (facts §3.5), so the backend
 * only ever saw JSON: functions and `undefined` vanished, Dates became strings. Copying the same
 * way, at call time, gives the same result and detaches the stored data from the caller's object.
 */
import { badRequest, type ShimFailure } from '../core/errors';

export function jsonCopy<T>(value: T, what: string): { ok: true; value: T } | { ok: false; failure: ShimFailure } {
  try {
    const text = JSON.stringify(value);
    return { ok: true, value: (text === undefined ? undefined : JSON.parse(text)) as T };
  } catch (error) {
    const reason = error instanceof RangeError ? 'it is nested too deeply' : 'it is not plain data (a cycle or a BigInt)';
    return { ok: false, failure: badRequest(`Failed to read the ${what}: ${reason}. Pass plain JSON data`) };
  }
}
