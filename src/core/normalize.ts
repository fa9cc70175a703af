/** Keys used to match contacts (SPEC §2.3). Pure. */

/** Trimmed and lower-cased: `' Ann@Example.COM '` and `'ann@example.com'` are the same address. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits, and a `+` only when it leads: `'+1 (415) 639-5555'` → `'+14156395555'`. */
export function phoneKey(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D+/g, '');
  if (!digits) return '';
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** A phone item's matching key: its `normalizedPhone` when given, else its `phone`. */
export function phoneItemKey(item: { phone: string; normalizedPhone?: string | undefined | null }): string {
  return phoneKey(item.normalizedPhone || item.phone);
}
