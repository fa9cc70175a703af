/**
 * Change and webhook events of one database, delivered to this tab's listeners and, through a
 * BroadcastChannel named after the database, to every other tab's (SPEC issue 4; facts §6.4).
 */
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
}

/** How long a change may wait to be sent to other tabs with the ones after it. */
const CROSS_TAB_BATCH_MS = 10;

export function createEventHub(dbName: string, onListenerError: (error: unknown) => void): EventHub {
  const listeners: { [K in keyof EventMap]: Set<Listener<K>> } = { change: new Set(), webhook: new Set() };
  const emit = <K extends keyof EventMap>(type: K, event: EventMap[K]) => {
    for (const l of [...listeners[type]]) {
      try { l(event); } catch (error) { onListenerError(error); }
    }
  };
  const deliver = (changes: ChangeEvent[], webhooks: WebhookEvent[]) => {
    for (const c of changes) emit('change', c);
    for (const w of webhooks) emit('webhook', w);
  };

  let channel: BroadcastChannel | undefined;
  try {
    if (typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(`wix-hive-shim:${dbName}`);
      channel.onmessage = (e: MessageEvent<{ changes: ChangeEvent[]; webhooks: WebhookEvent[] }>) => deliver(e.data.changes, e.data.webhooks);
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
  let outbox: { changes: ChangeEvent[]; webhooks: WebhookEvent[] } | undefined;
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
      if (typeof listener !== 'function') throw new TypeError(`[wix-hive-shim] on('${String(type)}', listener): the listener must be a function`);
      if (!(type in listeners)) throw new TypeError(`[wix-hive-shim] on(): unknown event '${String(type)}'. Use 'change' or 'webhook'`);
      (listeners[type] as Set<Listener<typeof type>>).add(listener);
      return () => (listeners[type] as Set<Listener<typeof type>>).delete(listener);
    },
    publish(changes) {
      const pub = changes.map(publicChange);
      const hooks = changes.map(webhookOf).filter((w): w is WebhookEvent => !!w);
      deliver(pub, hooks);
      if (!channel) return;
      if (!outbox) {
        outbox = { changes: [], webhooks: [] };
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
  };
}
