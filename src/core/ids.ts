/**
 * UUIDv7-shaped ids that sort in creation order as strings, even within one millisecond: 48 bits of
 * time, then a 12-bit counter that restarts each millisecond, then random bits (RFC 9562 §6.2,
 * method 1). A clock that goes backwards keeps the last time, so order never breaks.
 */
export type IdFactory = () => string;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => hex(b, 2));

// Random bytes are drawn 4 KB at a time: one getRandomValues call per id cost about as much as
// the rest of the id (measured in Chromium, bench/), and a post makes one id.
const pool = new Uint8Array(4096);
let used = pool.length;

function randomHex(chars: number): string {
  const n = Math.ceil(chars / 2);
  if (used + n > pool.length) {
    const c = (globalThis as { crypto?: Crypto }).crypto;
    if (c?.getRandomValues) c.getRandomValues(pool);
    else for (let i = 0; i < pool.length; i++) pool[i] = Math.floor(Math.random() * 256);
    used = 0;
  }
  let out = '';
  for (let i = used; i < used + n; i++) out += BYTE_HEX[pool[i]!];
  used += n;
  return out.slice(0, chars);
}

export function createIdFactory(now: () => number): IdFactory {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = Math.max(now(), lastMs);
    if (ms === lastMs) {
      counter++;
      // 4096 ids in one millisecond: borrow the next millisecond rather than wrap and break order.
      if (counter > 0xfff) { ms++; counter = 0; }
    } else counter = 0;
    lastMs = ms;
    const t = hex(ms, 12);
    // One draw of random bytes per id: the variant digit, then 15 random digits.
    const r = randomHex(16);
    const variant = (0x8 | (parseInt(r[0] as string, 16) & 0x3)).toString(16);
    return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(counter, 3)}-${variant}${r.slice(1, 4)}-${r.slice(4, 16)}`;
  };
}

