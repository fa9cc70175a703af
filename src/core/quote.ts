/**
 * How a caller's value appears in a message: briefly, and without ever throwing. A 10 MB string
 * must not make a 10 MB message (kept 100 times in `log()`), and a value `String()` cannot print
 * (`Object.create(null)`, a revoked proxy) must not turn reporting into a new failure.
 */

/** At most this many characters of a caller's string go into a message. */
export const QUOTE_LIMIT = 60;

const cut = (text: string, limit: number) =>
  text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;

/** A value as a message shows it: a string in JSON quotes, cut after {@link QUOTE_LIMIT} characters. */
export function quote(value: unknown, limit = QUOTE_LIMIT): string {
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.slice(0, limit));
    return value.length > limit ? `${shown}… (${value.length} characters)` : shown;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'bigint') return cut(`${value}n`, limit);
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}

/** `String(value)` when it works, cut to `limit` characters; a description when it throws. */
export function printable(value: unknown, limit = 200): string {
  try {
    return cut(String(value), limit);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return '[a value that cannot be printed]';
    }
  }
}
