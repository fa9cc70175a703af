/** `createShim(options)`: one isolated instance with its own database, session, events and controls. */
import { badRequest, WixError } from '../core/errors';
import { createIdFactory } from '../core/ids';
import { LIMITS } from '../core/contact-schema';
import type { Contact } from '../core/types';
import type { ActivitySeed, ContactSeed } from '../core/seed';
import { HiveStore, type StorageStatus } from '../storage/hive-store';
import { createActivities, type WixActivities } from '../wix/activities';
import { createContacts, type WixContacts } from '../wix/contacts';
import { createSimulation, type ConfigureOptions } from './configure';
import type { ShimContext, ViewMode } from './context';
import { createEventHub, type EventMap, type Listener } from './events';
import { EXPORT_FORMAT, EXPORT_VERSION, readExportEnvelope, type ExportFile } from './export-format';
import { validateFixture, type Records } from './fixture';
import { createReporter, type LogEntry } from './reporter';
import { searchContacts, type ContactSearchPage, type SearchContactsOptions } from './search-contacts';
import { visitorSession } from './session';
import { createUtils, type WixUtils } from './utils';
import { jsonCopy } from '../wix/json-copy';

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
  /** `Wix.Utils.getInstanceId()`. Default: a fixed id per database name. */
  instanceId?: string;
  /** `Wix.Utils.getCompId()`. Default `'comp-wix-hive-shim'`. */
  compId?: string;
  /** `Wix.Utils.getLocale()`. Default: the browser's language, else `'en'`. */
  locale?: string;
  /** `Wix.Utils.getDeviceType()`. Default `'desktop'`. */
  deviceType?: 'desktop' | 'mobile';
}

/** Records for `seed`: the stored shapes; ids, timestamps and item ids may be left out. */
export interface Fixture {
  contacts?: ContactSeed[];
  /** `contactId` names a contact of the same fixture. */
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
  Utils: WixUtils;
}

export interface Shim {
  /** The SDK-shaped namespace of this instance. */
  Wix: WixNamespace;
  /** Replaces all data with the fixture's records (validated; all or nothing) and remembers it for `reset`. */
  seed(fixture: Fixture): Promise<void>;
  /** Back to the last seed (kept in the database, so it survives reloads); empty if never seeded. */
  reset(): Promise<void>;
  /** Deletes every contact and activity. The last seed stays available to `reset`. */
  clear(): Promise<void>;
  /** Every record, in the versioned format of `schemas/export-v1.schema.json`. */
  exportData(): Promise<ExportFile>;
  /** Replaces all data with an export (its object or JSON text); a malformed or newer file changes nothing. */
  importData(file: ExportFile | string): Promise<void>;
  /** Simulated latency and injected faults; throws on an invalid option and then changes nothing. */
  configure(options: ConfigureOptions): void;
  /** Deletes a contact; its activities stay, unlinked. */
  deleteContact(id: string): Promise<void>;
  /** Replaces a contact's labels (`tags`); resolves with the updated contact. */
  setLabels(id: string, labels: string[]): Promise<Contact>;
  /**
   * Finds contacts by email or phone (exact, normalised) or by a part of the name, newest created
   * or modified first, a page at a time: pass a page's `next` as `after` for the following one.
   */
  searchContacts(text: string, options?: SearchContactsOptions): Promise<ContactSearchPage>;
  /**
   * Listens for changes to this database, in this tab and in others; returns an unsubscribe function.
   * `'change'`: `{event: 'created'|'updated'|'deleted', entity: 'contact'|'activity', id, previous?}`, or
   * `{event: 'replaced', entity: 'all'}` after seed, reset, clear and importData.
   * `'webhook'`: the WixHive webhook events (`/contacts/created`, `/activities/posted`, …).
   */
  on<K extends keyof EventMap>(type: K, listener: Listener<K>): () => void;
  /** Which storage is in use, whether it persists, and how many records it holds. */
  status(): Promise<StatusReport>;
  /** The last 100 warnings, oldest first. */
  log(): LogEntry[];
  /** Closes the database connection and the cross-tab channel; the instance is unusable afterwards. */
  close(): Promise<void>;
}

const SEED_KEY = 'seed';

function defaultLocale(): string {
  try {
    return (globalThis as { navigator?: Navigator }).navigator?.language?.split('-')[0] || 'en';
  } catch {
    return 'en';
  }
}

export function createShim(options: ShimOptions = {}): Shim {
  const dbName = options.dbName ?? 'wix-hive-shim';
  const now = options.now ?? (() => Date.now());
  const newId = createIdFactory(now);
  const reporter = createReporter(options.quiet ?? false, now);
  const simulation = createSimulation();
  const events = createEventHub(dbName, (error) => reporter.callbackThrew('on() listener', error));
  const store = new HiveStore({
    dbName,
    indexedDB: options.indexedDB,
    now,
    newId,
    // Asked-for memory is news; a refused IndexedDB is a warning, since the app's data will not last.
    onFallback: (reason) =>
      (options.indexedDB === null ? reporter.info : reporter.warn)(`Using in-memory storage: ${reason}. Data will not survive a reload.`),
    onChange: (changes) => events.publish(changes),
  });
  const session = options.session ?? visitorSession(dbName, newId);
  const viewMode = options.viewMode ?? 'site';
  const ctx: ShimContext = {
    store,
    reporter,
    session,
    now,
    newId,
    delay: () => simulation.delay(),
    fault: (method) => simulation.fault(method),
    viewMode: () => viewMode,
    locationUrl: () => {
      try { return String((globalThis as { location?: Location }).location?.href ?? ''); } catch { return ''; }
    },
  };

  const Wix: WixNamespace = {
    Error: WixError,
    Activities: createActivities(ctx),
    Contacts: createContacts(ctx),
    Utils: createUtils({
      viewMode,
      instanceId: options.instanceId ?? `wix-hive-shim-instance-${dbName}`,
      compId: options.compId ?? 'comp-wix-hive-shim',
      locale: options.locale ?? defaultLocale(),
      deviceType: options.deviceType ?? 'desktop',
    }),
  };

  /** Runs a control, warning with its message when it fails. */
  const control = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      reporter.warn((error as Error).message);
      throw error;
    }
  };
  const nowIso = () => new Date(now()).toISOString();
  const replace = (records: Records, meta?: { key: string; value: unknown }) =>
    store.replaceAll(records.contacts, records.activities, meta ? { durability: 'relaxed', meta } : { durability: 'relaxed' });

  return {
    Wix,
    seed: (fixture) => control(async () => {
      // Plain data only, as every SDK payload: a function or a cycle fails validation, not storage.
      if (fixture !== undefined && fixture !== null && Object.prototype.toString.call(fixture) !== '[object Object]') {
        // Otherwise `seed([])` would read as "no records" and wipe the store.
        throw badRequest('Failed to seed: the fixture must be an object {contacts: [...], activities: [...]}. Nothing was changed');
      }
      for (const key of ['contacts', 'activities'] as const) {
        const list = (fixture as Record<string, unknown> | null | undefined)?.[key];
        // Checked before the JSON copy, which would turn a function here into "no records".
        if (list !== undefined && list !== null && !Array.isArray(list)) throw badRequest(`Failed to seed: ${key} must be an array. Nothing was changed`);
      }
      const copy = jsonCopy(fixture ?? {}, 'fixture');
      if (!copy.ok) throw copy.failure;
      const f = (copy.value ?? {}) as Fixture;
      const records = validateFixture(f.contacts ?? [], f.activities ?? [], { newId, nowIso: nowIso(), requireIds: false, doing: 'seed' });
      await replace(records, { key: SEED_KEY, value: records });
    }),
    reset: () => control(async () => {
      await replace((await store.readMeta<Records>(SEED_KEY)) ?? { contacts: [], activities: [] });
    }),
    clear: () => control(() => replace({ contacts: [], activities: [] })),
    exportData: () => control(async () => {
      const all = await store.readAll();
      return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: nowIso(),
        contacts: all.contacts,
        activities: all.activities.map((a) => (a.contactId ? { ...a.activity, contactId: a.contactId } : a.activity)),
      };
    }),
    importData: (file) => control(async () => {
      const copy = typeof file === 'string' ? { ok: true as const, value: file } : jsonCopy(file, 'import file');
      if (!copy.ok) throw copy.failure;
      const { contacts, activities } = readExportEnvelope(copy.value);
      await replace(validateFixture(contacts, activities, { newId, nowIso: nowIso(), requireIds: true, doing: 'import' }));
    }),
    configure(o) {
      try {
        simulation.configure(o ?? {});
      } catch (error) {
        reporter.warn((error as Error).message);
        throw error;
      }
      if (o?.quiet !== undefined) reporter.setQuiet(o.quiet);
    },
    deleteContact: (id) => control(async () => {
      if (typeof id !== 'string') throw badRequest('Failed to delete the contact: the id must be a string');
      await store.deleteContact(id);
    }),
    setLabels: (id, labels) => control(async () => {
      if (typeof id !== 'string') throw badRequest('Failed to set labels: the id must be a string');
      if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string' && l.length > 0 && l.length <= LIMITS.tag)) {
        throw badRequest(`Failed to set labels: pass an array of non-empty strings of at most ${LIMITS.tag} characters`);
      }
      return store.setLabels(id, labels);
    }),
    searchContacts: (text, o) => control(() => searchContacts(store, text, o)),
    on: (type, listener) => events.on(type, listener),
    async status() {
      const [s, counts] = await Promise.all([store.status(), store.counts()]);
      return { ...s, counts, session };
    },
    log: () => reporter.log(),
    async close() {
      events.close();
      await store.close();
    },
  };
}
