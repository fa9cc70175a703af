/**
 * ISO-8601 as the WixHive backend accepted it: a calendar date, optionally with a time, seconds,
 * a fraction and a zone (`Z` or `±hh:mm`). The docs' own examples include zone-less times
 * (`2016-09-15T15:53:00`), so the zone is optional.
 */
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_8601.exec(value);
  if (!m) return false;
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 60)) return false;
  return !Number.isNaN(Date.parse(value.length === 10 ? value : value.replace(' ', 'T')));
}

/** Milliseconds since the epoch of an ISO-8601 string (zone-less times read as UTC, for a stable order). */
export function isoToMillis(value: string): number {
  const zoned = value.length === 10 || /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  return Date.parse(zoned.replace(' ', 'T'));
}
