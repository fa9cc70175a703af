/** `createShim(options)`: one isolated instance with its own database, session and controls. */
import { WixError } from '../core/errors';
import { createIdFactory } from '../core/ids';
import { normalizeActivitySeed, normalizeContactSeed, type ActivitySeed, type ContactSeed } from '../core/seed';
import { badRequest } from '../core/errors';
import { HiveStore, type StorageStatus } from '../storage/hive-store';
import { createActivities, type WixActivities } from '../wix/activities';
import { createContacts, type WixContacts } from '../wix/contacts';
import type { ShimContext, ViewMode } from './context';
import { createReporter, type LogEntry } from './reporter';
import { visitorSession } from './session';

export interface ShimOptions {
  /** Database name; instances with different names never share data. Default `'wix-hive-shim'`. */
  dbName?: string;
  /** The IndexedDB factory to use (e.g. fake-indexeddb's in Node); `null` for memory. Default: the global one, else memory. */
  indexedDB?: IDBFactory | null;
  /** `Wix.Utils.getViewMode()`; `postActivity` works only in `'site'`, as in the SDK. Default `'site'`. */
  viewMode?: ViewMode;
  /** Silences the `[wix-hive-shim]` console warnings (the log keeps them). Default false. */
  quiet?: boolean;
  /** The clock, for tests. Default `Date.now`. */
  now?: () => number;
  /** The visitor session id. Default: one per page session (sessionStorage). */
  session?: string;
}

/** Records for `seed`: contacts in the stored shape; ids and timestamps may be left out. */
export interface Fixture {
  contacts?: ContactSeed[];
  activities?: ActivitySeed[];
}

export interface StatusReport extends StorageStatus {
  counts: { contacts: number; activities: number };
  session: string;
}

export interface WixNamespace {
  Error: typeof WixError;
  Activities: WixActivities;
  Contacts: WixContacts;
}

export interface Shim {
  /** The SDK-shaped namespace of this instance. */
  Wix: WixNamespace;
  /** Replaces all data with the fixture's records, validated, in one transaction. */
  seed(fixture: Fixture): Promise<void>;
  /** Which storage is in use, whether it persists, and how many records it holds. */
  status(): Promise<StatusReport>;
  /** The last 100 warnings, oldest first. */
  log(): LogEntry[];
  /** Closes the database connection; the instance is unusable afterwards. */
  close(): Promise<void>;
}

export function createShim(options: ShimOptions = {}): Shim {
  const dbName = options.dbName ?? 'wix-hive-shim';
  const now = options.now ?? (() => Date.now());
  const newId = createIdFactory(now);
  const reporter = createReporter(options.quiet ?? false, now);
  const store = new HiveStore({
    dbName,
    indexedDB: options.indexedDB,
    now,
    newId,
    onFallback: (reason) => reporter.info(`Using in-memory storage: ${reason}. Data will not survive a reload.`),
    onChange: () => undefined,
  });
  const session = options.session ?? visitorSession(dbName, newId);
  const viewMode = options.viewMode ?? 'site';
  const ctx: ShimContext = {
    store,
    reporter,
    session,
    now,
    newId,
    delay: () => Promise.resolve(),
    fault: () => undefined,
    viewMode: () => viewMode,
    locationUrl: () => {
      try { return String((globalThis as { location?: Location }).location?.href ?? ''); } catch { return ''; }
    },
  };

  const Wix: WixNamespace = { Error: WixError, Activities: createActivities(ctx), Contacts: createContacts(ctx) };

  return {
    Wix,
    async seed(fixture) {
      const nowIso = new Date(now()).toISOString();
      const errors: string[] = [];
      const contacts = [];
      for (const [i, c] of (fixture?.contacts ?? []).entries()) {
        const r = normalizeContactSeed(c, `contacts[${i}]`, newId, nowIso);
        if (r.ok) contacts.push(r.value); else errors.push(...r.errors);
      }
      const ids = new Set(contacts.map((c) => c.id));
      if (ids.size !== contacts.length) errors.push('contacts: two contacts share an id');
      const activities = [];
      for (const [i, a] of (fixture?.activities ?? []).entries()) {
        const r = normalizeActivitySeed(a, `activities[${i}]`, ids, newId, nowIso);
        if (r.ok) activities.push(r.value); else errors.push(...r.errors);
      }
      if (errors.length) {
        const failure = badRequest(`Failed to seed: ${errors.slice(0, 20).join(', ')}${errors.length > 20 ? ` and ${errors.length - 20} more` : ''}. Nothing was stored; fix the fixture`);
        reporter.warn(failure.message);
        throw failure;
      }
      await store.replaceAll(contacts, activities, 'relaxed');
    },
    async status() {
      const [s, counts] = await Promise.all([store.status(), store.counts()]);
      return { ...s, counts, session };
    },
    log: () => reporter.log(),
    close: () => store.close(),
  };
}
