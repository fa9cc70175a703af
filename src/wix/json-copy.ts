/**
 * The real SDK sent every payload through `JSON.stringify` to the host (facts §3.5), so the backend
 * only ever saw JSON: functions and `undefined` vanished, Dates became strings. Copying the same
 * way, at call time, gives the same result and detaches the stored data from the caller's object.
 */
import { badRequest, type ShimFailure } from '../core/errors';

/**
 * The deepest nesting a payload may have. Storing clones a value recursively, and engines overflow
 * at different depths (Node ≈ 1,950; Chromium ≈ 2,500, where the overflow surfaces as a key path
 * error instead): one bound below all of them gives one answer, a 400 (decision 0010, quirk 16).
 */
export const MAX_NESTING = 1_200;

/** True when objects and arrays in `value` nest deeper than {@link MAX_NESTING}. Iterative: no recursion to overflow. */
export function nestedTooDeeply(value: unknown): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_NESTING) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

export const tooDeep = (what: string): ShimFailure =>
  badRequest(`Failed to read the ${what}: it is nested too deeply (more than ${MAX_NESTING} levels). Flatten it`);

export function jsonCopy<T>(value: T, what: string): { ok: true; value: T } | { ok: false; failure: ShimFailure } {
  let copy: T;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
    copy = (text === undefined ? undefined : JSON.parse(text)) as T;
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, failure: tooDeep(what) };
    return { ok: false, failure: badRequest(`Failed to read the ${what}: it is not plain data (a cycle or a BigInt). Pass plain JSON data`) };
  }
  // Deeper than MAX_NESTING takes more than 2 × MAX_NESTING brackets: shorter text needs no walk.
  if (text !== undefined && text.length > 2 * MAX_NESTING && nestedTooDeeply(copy)) return { ok: false, failure: tooDeep(what) };
  return { ok: true, value: copy };
}
