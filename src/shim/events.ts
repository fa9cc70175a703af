/**
 * Change and webhook events of one database, delivered to this tab's listeners and, through a
 * BroadcastChannel named after the database, to every other tab's (SPEC issue 4; facts §6.4).
 * Only instances on the same storage hear each other (the message names its storage scope), and
 * whatever else arrives on the channel is ignored, never trusted (issue 12, F3 and F11).
 */
import { printable, QUOTE_LIMIT } from '../core/quote';
import type { Change } from '../storage/changes';

/** What `on('change')` delivers. */
export type ChangeEvent =
  | { event: 'created' | 'updated' | 'deleted'; entity: 'contact' | 'activity'; id: string; previous?: unknown }
  | { event: 'replaced'; entity: 'all' };

/** What `on('webhook')` delivers: the WixHive webhook the app's server would have received. */
export type WebhookEvent =
  | { eventType: '/contacts/created' | '/contacts/updated' | '/contacts/deleted'; body: { contactId: string } }
  | { eventType: '/activities/posted'; body: { activityId: string; activityType: string; contactId?: string } };

export interface EventMap {
  change: ChangeEvent;
  webhook: WebhookEvent;
}

export type Listener<K extends keyof EventMap> = (event: EventMap[K]) => void;

function webhookOf(change: Change): WebhookEvent | undefined {
  if (change.event === 'replaced') return undefined;
  if (change.entity === 'contact') return { eventType: `/contacts/${change.event}`, body: { contactId: change.id } };
  if (change.event === 'created' && change.posted) return { eventType: '/activities/posted', body: { activityId: change.id, ...change.posted } };
  return undefined;
}

function publicChange(change: Change): ChangeEvent {
  if (change.event === 'replaced') return { event: 'replaced', entity: 'all' };
  const { posted: _internal, ...rest } = change;
  return rest;
}

export interface EventHub {
  on<K extends keyof EventMap>(type: K, listener: Listener<K>): () => void;
  /** Announces committed changes here and in other tabs. */
  publish(changes: Change[]): void;
  close(): void;
  /** Stops talking to other instances: the storage turned out to be memory, which none of them shares. */
  detach(): void;
}

/** How long a change may wait to be sent to other tabs with the ones after it. */
const CROSS_TAB_BATCH_MS = 10;

/** What one instance sends another; `scope` names the storage the changes were made in. */
interface Envelope {
  wixHiveShim: 1;
  scope: string;
  changes: ChangeEvent[];
  webhooks: WebhookEvent[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const RECORD_EVENTS: readonly unknown[] = ['created', 'updated', 'deleted'];
const ENTITIES: readonly unknown[] = ['contact', 'activity'];
const CONTACT_HOOKS: readonly unknown[] = ['/contacts/created', '/contacts/updated', '/contacts/deleted'];

/** A change event rebuilt from a received one, or undefined when it is not one. */
function readChange(v: unknown): ChangeEvent | undefined {
  if (!isObject(v)) return undefined;
  if (v.event === 'replaced' && v.entity === 'all') return { event: 'replaced', entity: 'all' };
  if (!RECORD_EVENTS.includes(v.event) || !ENTITIES.includes(v.entity) || typeof v.id !== 'string') return undefined;
  const change = { event: v.event, entity: v.entity, id: v.id } as ChangeEvent & { previous?: unknown };
  if (v.previous !== undefined) change.previous = v.previous;
  return change;
}

/** A webhook event rebuilt from a received one, or undefined when it is not one. */
function readWebhook(v: unknown): WebhookEvent | undefined {
  if (!isObject(v) || !isObject(v.body)) return undefined;
  const { eventType, body } = v;
  if (CONTACT_HOOKS.includes(eventType) && typeof body.contactId === 'string') {
    return { eventType, body: { contactId: body.contactId } } as WebhookEvent;
  }
  if (eventType !== '/activities/posted' || typeof body.activityId !== 'string' || typeof body.activityType !== 'string') return undefined;
  if (body.contactId !== undefined && typeof body.contactId !== 'string') return undefined;
  const posted = { activityId: body.activityId, activityType: body.activityType };
  return { eventType, body: typeof body.contactId === 'string' ? { ...posted, contactId: body.contactId } : posted };
}

/** The events of a message sent by an instance on the same storage; undefined for anything else. */
function readEnvelope(data: unknown, scope: string): { changes: ChangeEvent[]; webhooks: WebhookEvent[] } | undefined {
  if (!isObject(data) || data.wixHiveShim !== 1 || data.scope !== scope) return undefined;
  if (!Array.isArray(data.changes) || !Array.isArray(data.webhooks)) return undefined;
  const changes = data.changes.map(readChange);
  const webhooks = data.webhooks.map(readWebhook);
  // All or nothing: a message with one malformed entry is not ours.
  if (changes.includes(undefined) || webhooks.includes(undefined)) return undefined;
  return { changes: changes as ChangeEvent[], webhooks: webhooks as WebhookEvent[] };
}

/**
 * @param scope the storage this instance's database lives in (`storageScope`); undefined for
 *   memory, which nothing else shares: then no channel is opened.
 */
export function createEventHub(dbName: string, onListenerError: (error: unknown) => void, scope?: string): EventHub {
  const listeners: { [K in keyof EventMap]: Set<Listener<K>> } = { change: new Set(), webhook: new Set() };
  const emit = <K extends keyof EventMap>(type: K, event: EventMap[K]) => {
    for (const l of [...listeners[type]]) {
      try { l(event); } catch (error) {
        try { onListenerError(error); } catch { /* reporting must not stop the other listeners */ }
      }
    }
  };
  const deliver = (changes: ChangeEvent[], webhooks: WebhookEvent[]) => {
    for (const c of changes) emit('change', c);
    for (const w of webhooks) emit('webhook', w);
  };

  let channel: BroadcastChannel | undefined;
  try {
    if (scope !== undefined && typeof BroadcastChannel === 'function') {
      const own = scope;
      channel = new BroadcastChannel(`wix-hive-shim:${dbName}`);
      channel.onmessage = (e: MessageEvent<unknown>) => {
        try {
          const received = readEnvelope(e.data, own);
          if (received) deliver(received.changes, received.webhooks);
        } catch { /* a foreign message: ignored */ }
      };
      // Node's BroadcastChannel keeps the process alive until closed; a script that uses the
      // default `Wix` and never calls close() must still exit. Browsers have no unref.
      (channel as { unref?: () => void }).unref?.();
    }
  } catch {
    channel = undefined; // Opaque origins (sandboxed frames) may refuse a channel: this tab only, then.
  }

  // Other tabs hear a burst of writes as one message, at most CROSS_TAB_BATCH_MS late: a
  // postMessage per write cost about 0.09 ms of a 1.5 ms postActivity in Chromium (bench/). This
  // tab's listeners are still called at once. A page being hidden or closed sends what is pending.
  let outbox: Envelope | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    const message = outbox;
    outbox = undefined;
    try {
      if (message) channel?.postMessage(message);
    } catch { /* a closed channel: nothing to tell */ }
  };
  const page = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
  if (channel) page.addEventListener?.('pagehide', flush);

  return {
    on(type, listener) {
      const name = printable(type, QUOTE_LIMIT);
      if (typeof listener !== 'function') throw new TypeError(`[wix-hive-shim] on('${name}', listener): the listener must be a function`);
      // By value, not with `in`: `'toString' in listeners` is true too (issue 12, F8).
      if (type !== 'change' && type !== 'webhook') throw new TypeError(`[wix-hive-shim] on(): unknown event '${name}'. Use 'change' or 'webhook'`);
      (listeners[type] as Set<Listener<typeof type>>).add(listener);
      return () => (listeners[type] as Set<Listener<typeof type>>).delete(listener);
    },
    publish(changes) {
      const pub = changes.map(publicChange);
      const hooks = changes.map(webhookOf).filter((w): w is WebhookEvent => !!w);
      deliver(pub, hooks);
      if (!channel) return;
      if (!outbox) {
        outbox = { wixHiveShim: 1, scope: scope as string, changes: [], webhooks: [] };
        timer = setTimeout(flush, CROSS_TAB_BATCH_MS);
      }
      outbox.changes.push(...pub);
      outbox.webhooks.push(...hooks);
    },
    close() {
      flush();
      page.removeEventListener?.('pagehide', flush);
      channel?.close();
      channel = undefined;
    },
    detach() {
      clearTimeout(timer);
      outbox = undefined;
      page.removeEventListener?.('pagehide', flush);
      channel?.close();
      channel = undefined;
    },
  };
}
