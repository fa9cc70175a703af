/** IndexedDB key order and key paths, for the memory driver (W3C IndexedDB 3.0, §2.6 "compare two keys"). */
import type { Key, KeyRangeSpec } from './driver';

const rank = (k: Key) => (typeof k === 'number' ? 1 : typeof k === 'string' ? 2 : 3);

export function compareKeys(a: Key, b: Key): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = compareKeys(a[i] as Key, b[i] as Key);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isValidKey(v: unknown): v is Key {
  if (typeof v === 'string') return true;
  if (typeof v === 'number') return !Number.isNaN(v);
  return Array.isArray(v) && v.every(isValidKey);
}

export function inRange(key: Key, range: KeyRangeSpec | undefined): boolean {
  if (!range) return true;
  if (range.lower !== undefined) {
    const c = compareKeys(key, range.lower);
    if (c < 0 || (c === 0 && range.lowerOpen)) return false;
  }
  if (range.upper !== undefined) {
    const c = compareKeys(key, range.upper);
    if (c > 0 || (c === 0 && range.upperOpen)) return false;
  }
  return true;
}

/** The key a key path gives for a record, or undefined where IndexedDB would not index it. */
export function keyAt(record: Record<string, unknown>, keyPath: string | string[]): Key | undefined {
  if (Array.isArray(keyPath)) {
    const parts: Key[] = [];
    for (const p of keyPath) {
      const k = keyAt(record, p);
      if (k === undefined) return undefined;
      parts.push(k);
    }
    return parts;
  }
  const v = record[keyPath];
  return isValidKey(v) ? v : undefined;
}

/**
 * The keys an index holds for a record, as IndexedDB computes them: a multiEntry array's valid
 * elements, each once; otherwise the key at the key path, if it is a valid key.
 */
export function indexKeysOf(record: Record<string, unknown>, index: { keyPath: string | string[]; multiEntry?: boolean }): Key[] {
  if (index.multiEntry) {
    const v = record[index.keyPath as string];
    if (!Array.isArray(v)) return isValidKey(v) ? [v] : [];
    const unique = new Map<string, Key>();
    for (const e of v) if (isValidKey(e)) unique.set(JSON.stringify(e), e);
    return [...unique.values()];
  }
  const k = keyAt(record, index.keyPath);
  return isValidKey(k) ? [k] : [];
}
