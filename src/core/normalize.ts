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

/**
 * A phone item's matching key: its `normalizedPhone` when that has digits, else its `phone`. A
 * `normalizedPhone` without digits (`'n/a'`) must not hide a valid phone (issue 12, F10; decision 0021).
 */
export function phoneItemKey(item: { phone: string; normalizedPhone?: string | undefined | null }): string {
  return phoneKey(item.normalizedPhone ?? '') || phoneKey(item.phone);
}
