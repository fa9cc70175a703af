/**
 * Which storage an instance's database lives in, so that change events reach only instances that
 * share it (issue 12, F11). Tabs of one origin share the browser's IndexedDB, and a
 * BroadcastChannel reaches exactly those tabs. Anything else is private to one realm even when the
 * `dbName` matches: memory, and a JavaScript IndexedDB such as fake-indexeddb (one per factory
 * object; Node's BroadcastChannel spans worker threads, which do not share it).
 */
import { globalFactory } from './open';

/** The scope of the browser's own IndexedDB: every same-origin tab that hears the channel shares it. */
export const SHARED_SCOPE = 'indexeddb';

const privateScopes = new WeakMap<object, string>();

/** A built-in IndexedDB, as opposed to one written in JavaScript (whose `open` shows its source). */
function isBuiltIn(factory: IDBFactory): boolean {
  try {
    return /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(factory.open));
  } catch {
    return false;
  }
}

/**
 * The scope of the storage `openStorage` will choose for `factory` (same argument), or undefined
 * when that is memory, which nothing else shares. A fallback to memory found only on opening is
 * reported separately (HiveStore's `onFallback`).
 */
export function storageScope(factory: IDBFactory | null | undefined): string | undefined {
  if (factory === null) return undefined;
  const chosen = factory ?? globalFactory();
  if (!chosen) return undefined;
  if (isBuiltIn(chosen)) return SHARED_SCOPE;
  let scope = privateScopes.get(chosen);
  if (!scope) {
    scope = `private-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
    privateScopes.set(chosen, scope);
  }
  return scope;
}
