/** `createShim(options)`: one isolated instance with its own database, session, events and controls. */
import { badRequest, WixError } from '../core/errors';
import { createIdFactory } from '../core/ids';
import { LIMITS } from '../core/contact-schema';
import { labelsSchema } from '../core/option-schemas';
import type { Contact } from '../core/types';
import type { ActivitySeed, ContactSeed } from '../core/seed';
import { createHiveHandler } from '../http/handle-request';
import type { Driver } from '../storage/driver';
import { HiveStore, type StorageStatus } from '../storage/hive-store';
import type { IndexedDBFactory } from '../storage/factory';
import { storageScope } from '../storage/scope';
import type { LabelTotal } from '../storage/totals';
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
import { createSurface, type BillingState, type Member, type SentMessage, type SiteModel } from '../wix/surface';
import { jsonCopy, nestedTooDeeply, tooDeep } from '../wix/json-copy';

export interface ShimOptions {
  /** Database name; instances with different names never share data. Default `'wix-hive-shim'`. */
  dbName?: string;
  /** The IndexedDB factory to use (e.g. fake-indexeddb's in Node); `null` for memory. Default: the global one, else memory. */
  indexedDB?: IndexedDBFactory | null;
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
  /** `Wix.Utils.getOrigCompId()`, `getWidth()`, `getSectionUrl()`, `getTarget()` when the URL lacks them. Default `null`. */
  origCompId?: string;
  width?: string;
  sectionUrl?: string;
  target?: string;
  /** More of the `instance` payload (`uid`, `permissions`, `demoMode`, `siteOwnerId`, …) when the URL has no `instance`. */
  instance?: Record<string, unknown>;
  /** The site model behind site info, pages and styles (SiteModel has the defaults). */
  site?: SiteModel;
  /** What the simulated `Wix.Billing` members answer. */
  billing?: BillingState;
  /** The logged-in site member (`Wix.currentMember`); default nobody. */
  member?: Member | null;
  /** Who `Wix.requestLogin` logs in. Default a fixed test member. */
  loginAs?: Member;
  /** A storage driver used as is, instead of IndexedDB or memory (the CLI's durable data file). Advanced. */
  driver?: Driver;
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

/** Everything of Wix.js 1.90.0's `window.Wix` beyond Activities and Contacts (decision 0011). */
export type WixSurface = ReturnType<typeof createSurface>['namespaces'];

export type WixNamespace = WixSurface & {
  Error: typeof WixError;
  Activities: WixActivities;
  Contacts: WixContacts;
};

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
   * Every label (`tags` value) some contact carries, with how many carry it, in label order: read
   * from the kept totals, so it costs the same at 100,000 contacts as at 10.
   */
  labels(): Promise<LabelTotal[]>;
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
  /**
   * Every message the widget sent to its (simulated) host, oldest first, the last 500:
   * `setHeight` is `{type: 'heightChanged', namespace: 'Wix', data: {height}}`, and so on.
   */
  calls(): SentMessage[];
  /**
   * Fires a Wix event at this instance's `Wix.addEventListener` listeners, in a later task, as a
   * host would (`SETTINGS_UPDATED` with data, `EDIT_MODE_CHANGE` with `{editMode}`,
   * `PAGE_NAVIGATION`, …); resolves once they ran.
   */
  fireEvent(eventType: string, data?: unknown): Promise<void>;
  /**
   * For `wix-hive-shim/host`: answers one Wix.js message as this instance's simulated host does,
   * for the hosted frame `compId`. Resolves with `{res}` (or `{}`: no reply); `undefined` when the
   * type has no answer here.
   */
  answerAs(compId: string, type: string, data: unknown, namespace: string): Promise<{ res?: unknown }> | undefined;
  /** Closes the database connection and the cross-tab channel; the instance is unusable afterwards. */
  close(): Promise<void>;
  /**
   * Answers a WixHive HTTP API request (`https://openapi.wix.com/v1/…`, any origin) from this
   * instance's data: what `Wix.*` writes, it reads, and the other way round (SPEC §5).
   */
  handleHiveRequest(request: Request): Promise<Response>;
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
  const events = createEventHub(dbName, (error) => reporter.callbackThrew('on() listener', error), storageScope(options.indexedDB as IDBFactory | null | undefined));
  const store = new HiveStore({
    dbName,
    indexedDB: options.indexedDB as IDBFactory | null | undefined,
    now,
    newId,
    // Asked-for memory is news; a refused IndexedDB is a warning, since the app's data will not last.
    onFallback: (reason) => {
      events.detach();
      (options.indexedDB === null ? reporter.info : reporter.warn)(`Using in-memory storage: ${reason}. Data will not survive a reload.`);
    },
    // A first call waits rather than fails: the data is in that database, and memory would lose it.
    onBlocked: (oldVersion) => reporter.warn(`Waiting to open the IndexedDB database '${dbName}': another tab holds it open at version ${oldVersion} and will not close it. Close or reload the site's other tabs; calls go on then`),
    onChange: (changes) => events.publish(changes),
    ...(options.driver ? { driver: options.driver } : {}),
  });
  // Read on first use: a page's first sessionStorage access is a synchronous load of its storage,
  // and most calls (every read) never need the session.
  let session = options.session;
  const sessionId = () => (session ??= visitorSession(dbName, newId));
  const instanceId = options.instanceId ?? `wix-hive-shim-instance-${dbName}`;
  const surface = createSurface({
    reporter,
    store,
    now,
    viewMode: options.viewMode ?? 'site',
    query: {
      compId: options.compId ?? 'comp-wix-hive-shim',
      origCompId: options.origCompId ?? null,
      width: options.width ?? null,
      locale: options.locale ?? defaultLocale(),
      deviceType: options.deviceType ?? 'desktop',
      'section-url': options.sectionUrl ?? null,
      target: options.target ?? null,
    },
    instance: { instanceId, signDate: new Date(now()).toISOString(), demoMode: false, ...options.instance },
    site: options.site,
    billing: options.billing,
    member: options.member,
    loginAs: options.loginAs,
  });
  const ctx: ShimContext = {
    store,
    reporter,
    get session() { return sessionId(); },
    now,
    newId,
    delay: () => simulation.delay(),
    fault: (method) => simulation.fault(method),
    viewMode: () => surface.viewMode() as ViewMode,
    locationUrl: () => {
      try { return String((globalThis as { location?: Location }).location?.href ?? ''); } catch { return ''; }
    },
  };

  const Wix: WixNamespace = {
    Activities: createActivities(ctx),
    Contacts: createContacts(ctx),
    Error: WixError,
    ...surface.namespaces,
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
      // Text skips jsonCopy, which bounds the nesting of objects (issue 12, F5).
      if (typeof copy.value === 'string' && nestedTooDeeply([contacts, activities])) throw tooDeep('import file');
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
      if (!labelsSchema().safeParse(labels).success) {
        throw badRequest(`Failed to set labels: pass an array of non-empty strings of at most ${LIMITS.tag} characters`);
      }
      return store.setLabels(id, labels);
    }),
    searchContacts: (text, o) => control(() => searchContacts(store, text, o)),
    labels: () => control(() => store.labels()),
    on: (type, listener) => events.on(type, listener),
    async status() {
      const [s, counts] = await Promise.all([store.status(), store.counts()]);
      return { ...s, counts, session: sessionId() };
    },
    log: () => reporter.log(),
    calls: surface.calls,
    fireEvent: surface.fireEvent,
    answerAs: surface.answerAs,
    handleHiveRequest: createHiveHandler(ctx),
    async close() {
      surface.close();
      events.close();
      await store.close();
    },
  };
}
