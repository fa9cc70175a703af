/**
 * `shim.searchContacts` (decision 0023): email and phone by their indexes (exact, normalised),
 * names by a bounded scan that goes on from its cursor, newest created or modified first, and
 * keyset pages that neither repeat nor skip a contact when another is added between them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactSeed } from '../src/core/seed';
import type { ContactSearchPage, SearchContactsOptions } from '../src/shim/search-contacts';
import { SCAN_LIMIT } from '../src/storage/contact-search';
import { newShim } from './helpers';

type TestShim = ReturnType<typeof newShim>;
const opened: TestShim[] = [];
afterEach(async () => { await Promise.all(opened.splice(0).map((s) => s.close())); });

const T0 = Date.parse('2025-01-01T00:00:00Z');
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** Contact i: created at minute i, modified at minute (i * 7) % n + n, so the two orders differ. */
function people(n: number): ContactSeed[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `c${String(i).padStart(5, '0')}`,
    name: { first: i % 3 === 0 ? `Dana${i}` : `Avi${i}`, last: i % 2 ? 'Levi' : 'Cohen' },
    emails: [{ tag: 'main', email: `Person${i}@Example.com` }],
    phones: [{ tag: 'mobile', phone: `+1 (415) 555-${String(1000 + i)}` }],
    createdAt: iso(i),
    modifiedAt: iso(((i * 7) % n) + n),
  }));
}

async function seeded(n: number, memory = false): Promise<TestShim> {
  const s = newShim(memory ? { indexedDB: null } : {});
  opened.push(s);
  await s.seed({ contacts: people(n) });
  return s;
}

/** Every page of a search, following `next`. */
async function allPages(s: TestShim, text: string, options: SearchContactsOptions): Promise<ContactSearchPage[]> {
  const pages: ContactSearchPage[] = [];
  let after: string | null = options.after ?? null;
  do {
    const page = await s.searchContacts(text, { ...options, after });
    pages.push(page);
    after = page.next;
  } while (after && pages.length < 1000);
  return pages;
}
const ids = (pages: ContactSearchPage[]) => pages.flatMap((p) => p.items.map((c) => c.id));

describe.each([['IndexedDB', false], ['memory', true]] as const)('searchContacts on %s', (_name, memory) => {
  it('finds a contact by email or phone however it is spelled, and by a part of its name', async () => {
    const s = await seeded(40, memory);
    expect((await s.searchContacts('  PERSON7@example.COM ')).items.map((c) => c.id)).toEqual(['c00007']);
    expect((await s.searchContacts('+1 415 555 1012')).items.map((c) => c.id)).toEqual(['c00012']);
    expect((await s.searchContacts('+14155551012')).items.map((c) => c.id)).toEqual(['c00012']);
    expect((await s.searchContacts('nobody@example.com')).items).toEqual([]);
    // A part of the name, any case: every Dana, newest first.
    const danas = (await s.searchContacts('dana', { pageSize: 100 })).items.map((c) => c.id);
    const expected = people(40).filter((p) => p.name!.first!.startsWith('Dana')).map((p) => p.id!).reverse();
    expect(danas).toEqual(expected);
    // First and last name together.
    expect((await s.searchContacts('Dana3 Levi')).items.map((c) => c.id)).toEqual(['c00003']);
  });

  it('pages with the cursor, newest created or newest modified first, every match exactly once', async () => {
    const s = await seeded(45, memory);
    const all = people(45);
    const byCreated = all.map((p) => p.id!).reverse();
    const created = await allPages(s, '', { pageSize: 10 });
    expect(created.map((p) => p.items.length)).toEqual([10, 10, 10, 10, 5]);
    expect(ids(created)).toEqual(byCreated);
    expect(created.at(-1)!.next).toBeNull();

    const byModified = [...all].sort((a, b) => b.modifiedAt!.localeCompare(a.modifiedAt!)).map((p) => p.id!);
    expect(byModified).not.toEqual(byCreated);
    const modified = await allPages(s, '', { pageSize: 10, sort: 'modified' });
    expect(ids(modified)).toEqual(byModified);
    expect(modified.every((p) => p.complete)).toBe(true);

    const levis = await allPages(s, 'levi', { pageSize: 4, sort: 'modified' });
    expect(ids(levis)).toEqual(byModified.filter((id) => Number(id.slice(1)) % 2 === 1));
  });

  it('neither repeats nor skips a contact when one is added between two pages', async () => {
    const s = await seeded(30, memory);
    const first = await s.searchContacts('avi', { pageSize: 5 });
    await new Promise<void>((ok, fail) => s.Wix.Contacts.reconcileContact({ name: { first: 'Avi', last: 'New' }, emails: [{ tag: 'main', email: 'avi.new@example.com' }] }, () => ok(), fail));
    const rest = await allPages(s, 'avi', { pageSize: 5, after: first.next });
    const seen = [...first.items, ...rest.flatMap((p) => p.items)].map((c) => c.id);
    const avis = people(30).filter((p) => p.name!.first!.startsWith('Avi')).map((p) => p.id!).reverse();
    expect(seen).toEqual(avis);
  });

  it('refuses bad input with a message that says what to pass', async () => {
    const s = await seeded(3, memory);
    await expect(s.searchContacts(42 as unknown as string)).rejects.toThrow(/^Failed to search contacts: the text must be a string/);
    await expect(s.searchContacts('a', { pageSize: 0 })).rejects.toThrow(/pageSize\?: 1–500/);
    await expect(s.searchContacts('a', { pageSize: Number.NaN })).rejects.toThrow(/pageSize\?: 1–500/);
    await expect(s.searchContacts('a', { sort: 'name' as 'created' })).rejects.toThrow(/sort\?: "created" \| "modified"/);
    await expect(s.searchContacts('a', { after: 'page 2' })).rejects.toThrow(/after is not a cursor of this sort/);
    const next = (await s.searchContacts('', { pageSize: 1 })).next!;
    await expect(s.searchContacts('', { pageSize: 1, sort: 'modified', after: next })).rejects.toThrow(/after is not a cursor of this sort/);
    expect(s.log().at(-1)!.message).toMatch(/after is not a cursor/);
  });
});

describe('searchContacts bounds', () => {
  it(`reads at most ${SCAN_LIMIT} contacts a call and goes on from where it stopped`, async () => {
    const n = SCAN_LIMIT + 700;
    const s = await seeded(n, true);
    // Only the oldest contact is called Dana0: the first call stops at the bound without it.
    const first = await s.searchContacts('dana0 ', { pageSize: 10 });
    expect(first).toMatchObject({ items: [], scanned: SCAN_LIMIT, complete: false });
    expect(first.next).not.toBeNull();
    const second = await s.searchContacts('dana0 ', { pageSize: 10, after: first.next });
    expect(second.items.map((c) => c.id)).toEqual(['c00000']);
    expect(second).toMatchObject({ scanned: 700, complete: true, next: null });
    // Sorting by modified covers the newest SCAN_LIMIT contacts and says so.
    const modified = await s.searchContacts('', { sort: 'modified', pageSize: 3 });
    expect(modified.complete).toBe(false);
    expect(modified.scanned).toBe(SCAN_LIMIT);
    // An email lookup reads its index only.
    expect(await s.searchContacts('person5@example.com')).toMatchObject({ scanned: 1, complete: true });
  }, 60_000); // seeding 5,700 contacts: well under a second alone, much more on a loaded machine
});
