/**
 * The frame's Wix query parameters, read the way Wix.js 1.90.0 reads them: `location.search`
 * split on `&` and `=`, each value `decodeURIComponent`-ed (the text after a second `=` is lost,
 * as there), a missing one `null`; `instance` is `signature.payload` with a base64 JSON payload
 * decoded by `atob` (so base64url's `-`/`_` throw there and here alike).
 */
let cache: Record<string, string> | undefined;

function params(): Record<string, string> {
  if (cache) return cache;
  const found: Record<string, string> = {};
  let search = '';
  try { search = String((globalThis as { location?: Location }).location?.search ?? ''); } catch { /* no location: no parameters */ }
  // The SDK read them once per page; so does the shim.
  if (search.length > 1) {
    for (const part of search.substring(1).split('&')) {
      const [name, value] = part.split('=');
      try { found[name!] = decodeURIComponent(value!); } catch { /* a malformed escape: the SDK threw at load; skip it */ }
    }
  }
  return (cache = found);
}

/** A query parameter, or `null` (also for an empty value, as `r[e] || null` did). */
export const queryParameter = (name: string): string | null => params()[name] || null;

/** The decoded `instance` payload of the URL, or undefined when the URL has none. */
export function urlInstance(): Record<string, unknown> | undefined {
  const token = queryParameter('instance');
  if (token === null) return undefined;
  return JSON.parse(atob(token.substring(token.indexOf('.') + 1))) as Record<string, unknown>;
}
