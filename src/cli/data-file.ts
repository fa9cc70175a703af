/**
 * `serve --data FILE`: the data file in the export format (what the dashboard's Export writes and
 * its Import reads), plus `FILE.journal`, an append-only log of the writes since the file was last
 * written. Decision 0019 explains the layout and why a crash at any instant leaves data that loads.
 *
 * Journal: a first line `{"base":"<sha256 of the data file's text>"}`, then one line per committed
 * transaction: `<16 hex of sha256(json)> <json array of whole-record puts/deletes/clears>`.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Shim } from '../shim/create-shim';
import { UsageError } from './errors';
import type { JournalDriver, JournalOp } from './journal-driver';

const digest = (text: string) => createHash('sha256').update(text).digest('hex');
const lineSum = (json: string) => digest(json).slice(0, 16);

/** The journal is folded into the data file once it outgrows the file (and this floor): amortised O(1) per write. */
const COMPACT_FLOOR_BYTES = 4 * 1024 * 1024;

export interface DataFileOptions {
  /** Told once when the journal cannot be written: the server must stop (the file on disk still loads). */
  onFatal: (error: Error) => void;
  /** Told about things worth one line (a stale journal ignored, a torn last line dropped). */
  onNote?: (message: string) => void;
}

export interface DataFile {
  /** Waits for pending journal writes, then closes the journal. */
  close(): Promise<void>;
  /** Folds the journal into the data file now. */
  compact(): Promise<void>;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`Failed to read --data ${path}: ${(error as Error).message}. Pass a readable file`);
  }
}

async function fsyncDir(path: string): Promise<void> {
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } catch {
    // Some file systems refuse fsync on a directory (EINVAL); the rename is then as durable as they allow.
  } finally {
    await dir.close();
  }
}

/** Writes a whole file so that a crash leaves either the old text or the new one: temp, fsync, rename, fsync dir. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temp = `${dirname(path)}/.${basename(path)}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDir(path);
}

/** The journal's entries that apply to `snapshotText`; a torn last line is dropped, any other damage refused. */
function readJournal(path: string, text: string | undefined, snapshotText: string, note: (m: string) => void): JournalOp[][] {
  if (!text) return [];
  const lines = text.split('\n');
  const torn = lines.pop(); // '' when the file ends with a newline, else a line cut by a crash
  if (torn) note(`Ignored a partly written last line of ${path} (a write that was never answered)`);
  let header: { base?: unknown } | undefined;
  try {
    header = JSON.parse(lines[0] ?? '') as { base?: unknown };
  } catch { /* below */ }
  if (typeof header?.base !== 'string') {
    if (lines.length === 0) return []; // only a torn header: the journal was being created
    throw new UsageError(`Failed to load ${path}: its first line is not a journal header. Delete ${path} to start from the data file alone`);
  }
  if (header.base !== digest(snapshotText)) {
    // The data file was rewritten after this journal was folded into it (a crash between the two
    // steps of a compaction), or replaced by hand: either way the file alone is the truth.
    note(`Ignored ${path}: it belongs to an earlier version of the data file`);
    return [];
  }
  return lines.slice(1).map((line, i) => {
    const space = line.indexOf(' ');
    const json = line.slice(space + 1);
    if (space !== 16 || line.slice(0, 16) !== lineSum(json)) {
      throw new UsageError(`Failed to load ${path}: line ${i + 2} is damaged (checksum mismatch). Restore the file from a backup, or delete it to lose the writes since the last compaction`);
    }
    return JSON.parse(json) as JournalOp[];
  });
}

/**
 * Loads FILE (and its journal) into the shim, rewrites FILE with everything folded in, and from then
 * on journals every committed transaction, answering it only once it is fsynced. Bad data throws a
 * UsageError before anything is written.
 */
export async function openDataFile(path: string, shim: Shim, driver: JournalDriver, options: DataFileOptions): Promise<DataFile> {
  const journalPath = `${path}.journal`;
  const note = options.onNote ?? (() => undefined);
  const snapshotText = (await readText(path)) ?? '';
  if (snapshotText.trim()) {
    try {
      await shim.importData(snapshotText);
    } catch (error) {
      const reason = (error as Error).message.replace(/^Failed to import: /, '');
      throw new UsageError(`Failed to load --data ${path}: ${reason}`);
    }
  }
  for (const ops of readJournal(journalPath, await readText(journalPath), snapshotText, note)) await driver.apply(ops);

  let handle: FileHandle | undefined;
  let journalBytes = 0;
  let snapshotBytes = 0;

  async function compact(): Promise<void> {
    const text = `${JSON.stringify(await shim.exportData())}\n`;
    await replaceFile(path, text);
    // A crash here leaves a journal whose base no longer matches: it is ignored, and everything in
    // it is in the new file already (the export was read after all of it was applied).
    const header = `${JSON.stringify({ base: digest(text) })}\n`;
    await handle?.close();
    handle = undefined;
    await replaceFile(journalPath, header);
    handle = await open(journalPath, 'a');
    journalBytes = header.length;
    snapshotBytes = Buffer.byteLength(text);
  }

  try {
    await compact();
  } catch (error) {
    throw new UsageError(`Failed to write --data ${path}: ${(error as Error).message}. Pass a file in an existing folder you can write to`);
  }

  // Group commit: transactions that arrive while a batch is being written go out in the next one, under one fsync.
  let queue: Array<{ line: string; done: () => void; failed: (e: Error) => void }> = [];
  let writing: Promise<void> | undefined;
  const kick = () => {
    writing ??= drain().finally(() => {
      writing = undefined;
      if (queue.length) kick(); // pushed after the loop's last look, before this ran
    });
  };
  let broken: Error | undefined;

  async function drain(): Promise<void> {
    while (queue.length) {
      const batch = queue;
      queue = [];
      const text = batch.map((b) => b.line).join('');
      try {
        if (broken) throw broken;
        await handle!.write(text);
        await handle!.datasync();
        journalBytes += Buffer.byteLength(text);
        batch.forEach((b) => b.done());
        if (journalBytes > Math.max(COMPACT_FLOOR_BYTES, snapshotBytes)) await compact();
      } catch (error) {
        if (!broken) {
          broken = new Error(`Failed to write ${journalPath}: ${(error as Error).message}`);
          options.onFatal(broken);
        }
        batch.forEach((b) => b.failed(broken!));
      }
    }
  }

  driver.setSink((ops) => new Promise<void>((done, failed) => {
    const json = `[${ops.join(',')}]`;
    queue.push({ line: `${lineSum(json)} ${json}\n`, done, failed });
    kick();
  }));

  return {
    async close() {
      driver.setSink(undefined);
      while (writing) await writing;
      await handle?.close();
      handle = undefined;
    },
    async compact() {
      while (writing) await writing;
      await compact();
    },
  };
}
