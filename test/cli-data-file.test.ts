// @vitest-environment node
/** The durable data file of `serve` (decision 0019): snapshot in the export format + journal. */
import { mkdtempSync, readFileSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDataFile, type DataFile } from '../src/cli/data-file';
import { UsageError } from '../src/cli/errors';
import { createJournalDriver } from '../src/cli/journal-driver';
import { createShim, type Shim } from '../src/shim/create-shim';
import type { ReconcileResult } from '../src/core/types';
import { success } from './helpers';

const opened: Array<{ shim: Shim; file: DataFile }> = [];

async function load(path: string) {
  const driver = createJournalDriver();
  const shim = createShim({ dbName: `df-${Math.random()}`, driver, quiet: true, session: 's' });
  const notes: string[] = [];
  const file = await openDataFile(path, shim, driver, { onFatal: (e) => { throw e; }, onNote: (m) => notes.push(m) });
  opened.push({ shim, file });
  return { shim, file, notes };
}

const reconcile = (shim: Shim, email: string) =>
  success<ReconcileResult>((ok, fail) => shim.Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email }] }, ok, fail));

const getContact = (shim: Shim, id: string) => success<{ id: string; emails: Array<{ email: string }> }>((ok, fail) => shim.Wix.Contacts.getContactById(id, ok, fail));

afterEach(async () => {
  for (const { shim, file } of opened.splice(0)) {
    await file.close();
    await shim.close();
  }
});

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'whs-data-')), 'data.json');

describe('serve --data FILE', () => {
  it('creates the file in the export format and keeps every answered write across a restart', async () => {
    const path = tempFile();
    const first = await load(path);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 'wix-hive-shim', version: 1, contacts: [] });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await reconcile(first.shim, `p${i}@example.com`)).contact.id);
    // Answered means journaled: the journal holds them before any compaction.
    expect(readFileSync(`${path}.journal`, 'utf8').trim().split('\n')).toHaveLength(21);

    const second = await load(path);
    for (const [i, id] of ids.entries()) expect((await getContact(second.shim, id)).emails[0]!.email).toBe(`p${i}@example.com`);
    // Loading folded the journal into the file, which the dashboard's Import reads as is.
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text).contacts).toHaveLength(20);
    const plain = createShim({ dbName: `plain-${Math.random()}`, indexedDB: null, quiet: true });
    await plain.importData(text);
    expect((await plain.status()).counts.contacts).toBe(20);
    await plain.close();
  });

  it('writes that arrive together are all durable when answered (group commit)', async () => {
    const path = tempFile();
    const { shim } = await load(path);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => reconcile(shim, `g${i}@example.com`)));
    const journal = readFileSync(`${path}.journal`, 'utf8');
    for (const r of results) expect(journal).toContain(r.contact.id);
  });

  it('ignores a torn last journal line (a write that was never answered)', async () => {
    const path = tempFile();
    const first = await load(path);
    const kept = (await reconcile(first.shim, 'kept@example.com')).contact.id;
    appendFileSync(`${path}.journal`, '0123456789abcdef [{"s":"contacts","put":{"id":"torn"');
    const second = await load(path);
    expect((await getContact(second.shim, kept)).id).toBe(kept);
    expect(second.notes.join()).toMatch(/partly written last line/);
    expect((await second.shim.status()).counts.contacts).toBe(1);
  });

  it('ignores a journal left from before the file was rewritten (crash between the two steps of a compaction)', async () => {
    const path = tempFile();
    const first = await load(path);
    await reconcile(first.shim, 'a@example.com');
    const oldJournal = readFileSync(`${path}.journal`, 'utf8');
    await first.file.compact();
    await reconcile(first.shim, 'b@example.com');
    await first.file.compact();
    // As if the crash came after the new file's rename, before the journal's reset.
    writeFileSync(`${path}.journal`, oldJournal);
    const second = await load(path);
    expect((await second.shim.status()).counts.contacts).toBe(2);
    expect(second.notes.join()).toMatch(/belongs to an earlier version/);
  });

  it('refuses a damaged journal line in the middle, a malformed file and a newer format, changing nothing', async () => {
    const path = tempFile();
    const first = await load(path);
    await reconcile(first.shim, 'a@example.com');
    await reconcile(first.shim, 'b@example.com');
    const journal = readFileSync(`${path}.journal`, 'utf8').split('\n');
    journal[1] = journal[1]!.replace('a@example.com', 'x@example.com');
    writeFileSync(`${path}.journal`, journal.join('\n'));
    const before = readFileSync(path, 'utf8');
    await expect(load(path)).rejects.toThrow(/line 2 is damaged/);
    expect(readFileSync(path, 'utf8')).toBe(before);

    const bad = tempFile();
    writeFileSync(bad, '{"format":"wix-hive-shim",');
    const error = await load(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^Failed to load --data .*not JSON/);
    expect(readFileSync(bad, 'utf8')).toBe('{"format":"wix-hive-shim",');
    expect(existsSync(`${bad}.journal`)).toBe(false);

    const newer = tempFile();
    writeFileSync(newer, JSON.stringify({ format: 'wix-hive-shim', version: 99, exportedAt: '2020-01-01T00:00:00.000Z', contacts: [], activities: [] }));
    await expect(load(newer)).rejects.toThrow(/newer than this shim reads/);
  });

  it('a write costs the same at 2,000 contacts as at 20 (journal lines do not grow with the data)', async () => {
    const path = tempFile();
    const { shim } = await load(path);
    await shim.seed({ contacts: Array.from({ length: 2000 }, (_, i) => ({ emails: [{ tag: 'main', email: `s${i}@example.com` }] })) });
    const size = () => readFileSync(`${path}.journal`).length;
    const before = size();
    await reconcile(shim, 'one@example.com');
    const oneLine = size() - before;
    // A new contact's line holds that contact only, whatever the store's size.
    expect(oneLine).toBeLessThan(1000);
    // And matching the existing contact by email finds it (the hash index is in step with the seed).
    const again = await reconcile(shim, 's1999@example.com');
    expect(again.isNew).toBe(false);
  });
});
