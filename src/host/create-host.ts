/**
 * `createHost`: makes this page the Wix site page around widget iframes that load the real
 * Wix.js. It builds each frame's URL (signed `instance` included), answers the SDK's postMessage
 * calls from the shim instance given to it, pushes events into the frames, and resizes a frame
 * when its widget asks (docs/decisions/0013-host-for-the-real-sdk.md).
 */
import { PUBSUB_PREFIX } from '../wix/surface/constants';
import { ANSWERS, type MemberLookup } from './answers';
import { createCursorTable } from './cursors';
import { buildFrameUrl, type FrameParams } from './frame-url';
import type { InstancePayload } from './instance-token';
import { parseTpa2, type Tpa2Message, type TpaEvent, type TpaResponse } from './protocol';

/** The part of a shim instance the host needs (a `Shim` from `createShim`, or `window.WixShim`). */
export interface HostedShim {
  /** Activities, Contacts and the event and PubSub members are called through it. */
  Wix: object;
  /** The shim's simulated host, answering every other message type for a frame (`Shim.answerAs`). */
  answerAs?(compId: string, type: string, data: unknown, namespace: string): Promise<{ res?: unknown }> | undefined;
}

export interface HostOptions {
  /** Whose store, site model and simulated state answer the frames (e.g. `createShim()` or `WixShim`). */
  shim: HostedShim;
  /** The app secret the `instance` tokens are signed with. Default `'wix-hive-shim-dev-secret'`. */
  secret?: string;
  /** Defaults for every frame's `instance` payload (e.g. `{instanceId, uid, permissions: 'OWNER'}`). */
  instance?: Partial<InstancePayload>;
  /** The clock for `signDate`. Default `Date.now`. */
  now?: () => number;
  /** Silences the host's `[wix-hive-shim]` warnings. */
  quiet?: boolean;
}

export interface FrameOptions extends FrameParams {
  /** Where to append the new iframe. Default `document.body`. */
  container?: Element;
  /** An iframe already in the page to host instead of a new one (its `src` is set). */
  iframe?: HTMLIFrameElement;
  /** Initial height in pixels. Default 200. */
  height?: number;
  /** The iframe's `title` (for screen readers). */
  title?: string;
}

/** One message a hosted frame sent, as the host saw it. */
export interface HostMessage {
  compId: string;
  type: string;
  namespace: string | undefined;
  data: unknown;
}

export interface HostedFrame {
  readonly compId: string;
  readonly url: string;
  readonly iframe: HTMLIFrameElement;
  /** Every height the widget asked for (`Wix.setHeight`), oldest first. */
  readonly heights: number[];
  /** Sends an event to this frame's `Wix.addEventListener(eventType, …)` callbacks. */
  fireEvent(eventType: string, params?: unknown): void;
  /** Stops answering this frame and removes its iframe (unless it was given). */
  remove(): void;
}

export interface Host {
  /** The URL a widget iframe needs (signed instance and all), without creating or hosting a frame. */
  frameUrl(url: string, options?: FrameParams): Promise<string>;
  /** Creates (or takes) an iframe for `url`, hosts it, and resolves when its `src` is set. */
  frame(url: string, options?: FrameOptions): Promise<HostedFrame>;
  /** Sends an event to every hosted frame that listens for it (or only to `compId`'s). */
  fireEvent(eventType: string, params?: unknown, compId?: string): void;
  /** The hosted frames. */
  frames(): HostedFrame[];
  /** The last 500 messages the frames sent, oldest first. */
  messages(): HostMessage[];
  /** Stops answering and removes the message listener; created iframes stay. */
  close(): void;
}

interface FrameState extends HostedFrame {
  listens: Set<string>;
  own: boolean;
  /** Unsubscribe functions of the shim listeners that forward events into this frame. */
  forwards: Map<string, () => void>;
}

const DEFAULT_SECRET = 'wix-hive-shim-dev-secret';

export function createHost(options: HostOptions): Host {
  if (!options || typeof options !== 'object' || !options.shim || typeof options.shim.Wix !== 'object') {
    throw new TypeError('[wix-hive-shim] Failed to create the host: pass {shim}, a shim instance such as createShim() or window.WixShim');
  }
  const { shim } = options;
  const secret = options.secret ?? DEFAULT_SECRET;
  const now = options.now ?? (() => Date.now());
  const frames: FrameState[] = [];
  const log: HostMessage[] = [];
  const warned = new Set<string>();
  const cursors = createCursorTable();
  /** Persistent PubSub messages, replayed to late subscribers that ask for past events. */
  const pastEvents = new Map<string, unknown[]>();
  let counter = 0;
  let closed = false;

  const warnOnce = (key: string, message: string) => {
    if (warned.has(key) || options.quiet) return;
    warned.add(key);
    console.warn(`[wix-hive-shim] ${message}`);
  };

  const member: MemberLookup = (path) => {
    let target: unknown = shim.Wix;
    let owner: unknown;
    for (const part of path.split('.')) {
      owner = target;
      target = target && typeof target === 'object' ? (target as Record<string, unknown>)[part] : undefined;
    }
    return typeof target === 'function' ? (target as (...a: unknown[]) => unknown).bind(owner) : undefined;
  };

  const post = (frame: FrameState, message: TpaResponse | TpaEvent) => {
    // Wix.js reads every message as a JSON string and ignores the origin.
    frame.iframe.contentWindow?.postMessage(JSON.stringify(message), '*');
  };

  const deliver = (frame: FrameState, eventType: string, params: unknown) => {
    if (frame.listens.has(eventType)) post(frame, { intent: 'addEventListener', eventType, params });
  };

  /** Forwards events fired on the shim's own `Wix` (e.g. its fireEvent control) into the frame. */
  const forwardShimEvents = (frame: FrameState, eventKey: string) => {
    const add = member('addEventListener');
    if (!add || frame.forwards.has(eventKey) || eventKey.startsWith(PUBSUB_PREFIX)) return;
    try {
      const id = add(eventKey, (params: unknown) => deliver(frame, eventKey, params));
      const remove = member('removeEventListener');
      frame.forwards.set(eventKey, () => { try { remove?.(eventKey, id); } catch { /* the shim already dropped it */ } });
    } catch {
      // An event name the shim's Wix does not know: only host.fireEvent reaches it.
    }
  };

  /** PubSub events reaching the shim from the app's frames in other tabs go on into the frame. */
  const forwardShimPubSub = (frame: FrameState, eventKey: string) => {
    const subscribe = member('PubSub.subscribe');
    if (!subscribe || frame.forwards.has(eventKey) || !eventKey.startsWith(PUBSUB_PREFIX)) return;
    const name = eventKey.slice(PUBSUB_PREFIX.length);
    try {
      const id = subscribe(name, (event: unknown) => deliver(frame, eventKey, event));
      const unsubscribe = member('PubSub.unsubscribe');
      frame.forwards.set(eventKey, () => { try { unsubscribe?.(name, id); } catch { /* already gone */ } });
    } catch { /* not a name the shim accepts: local frames only */ }
  };

  const handleLocal = (frame: FrameState, m: Tpa2Message, data: Record<string, unknown>, reply: (res: unknown) => void): boolean => {
    switch (m.type) {
      case 'getViewMode':
        reply({ editMode: new URL(frame.url).searchParams.get('viewMode') ?? 'site' });
        return true;
      case 'registerEventListener': {
        const key = String(data.eventKey ?? '');
        frame.listens.add(key);
        if (key.startsWith(PUBSUB_PREFIX) && data.receivePastEvents) {
          reply({ drain: true, data: pastEvents.get(key) ?? [] });
        }
        forwardShimEvents(frame, key);
        forwardShimPubSub(frame, key);
        return true;
      }
      case 'removeEventListener': {
        const key = String(data.eventKey ?? '');
        frame.listens.delete(key);
        frame.forwards.get(key)?.();
        frame.forwards.delete(key);
        return true;
      }
      case 'publish': {
        const key = String(data.eventKey ?? '');
        const params = { data: data.eventData ?? {}, name: key.slice(PUBSUB_PREFIX.length), origin: frame.compId };
        if (data.isPersistent) pastEvents.set(key, [...(pastEvents.get(key) ?? []), params]);
        // To the app's other components, as Wix did; the publisher does not hear itself.
        for (const other of frames) if (other !== frame) deliver(other, key, params);
        // The shim's host takes it to the app's frames in other tabs (and keeps persistent ones).
        void shim.answerAs?.(frame.compId, m.type, data, m.namespace ?? '');
        return true;
      }
      case 'heightChanged': {
        const height = Number(data.height);
        if (Number.isFinite(height) && height >= 0) {
          frame.heights.push(height);
          frame.iframe.style.height = `${height}px`;
        }
        // Not passed to answerAs: the shim's own answer resizes the frame the shim runs in, which
        // here is the host page's, not the widget's (no reply either way).
        return true;
      }
      case 'resizeWindow': {
        const { width, height } = data as { width?: unknown; height?: unknown };
        if (typeof width === 'number') frame.iframe.style.width = `${width}px`;
        if (typeof height === 'number') { frame.iframe.style.height = `${height}px`; frame.heights.push(height); }
        reply({}); // as the shim's own answer does, without resizing the host page's frame
        return true;
      }
      default:
        return false;
    }
  };

  const onMessage = (event: MessageEvent) => {
    if (closed) return;
    // Only frames this host created: a message from anywhere else is not ours to answer.
    const frame = frames.find((f) => f.iframe.contentWindow !== null && f.iframe.contentWindow === event.source);
    if (!frame) return;
    const m = parseTpa2(event.data);
    if (!m) return;
    const data = (m.data && typeof m.data === 'object' ? m.data : {}) as Record<string, unknown>;
    log.push({ compId: frame.compId, type: m.type, namespace: m.namespace, data: m.data });
    if (log.length > 500) log.shift();
    let replied = false;
    const reply = (res: unknown) => {
      if (replied || closed || !frames.includes(frame)) return;
      replied = true;
      post(frame, { intent: 'TPA_RESPONSE', callId: m.callId, res: res ?? null });
    };
    if (m.namespace === 'WixDataCursor') {
      void cursors.move(data.cursorId).then(reply);
      return;
    }
    if (handleLocal(frame, m, data, reply)) return;
    const answer = ANSWERS[m.type];
    if (answer) {
      answer({
        data, reply, member, cursors,
        fallback(path, res, error) {
          warnOnce(path, error === undefined
            ? `The host answered ${m.type} with a default: the shim has no Wix.${path}. Update wix-hive-shim`
            : `The host answered ${m.type} with a default: Wix.${path} threw ${String(error).split('\n')[0]}`);
          reply(res);
        },
      });
      return;
    }
    // Everything else (site model, Data, members, billing, navigation, the fire-and-forget
    // getters…): the shim's simulated host answers, for this frame's compId.
    const answered = shim.answerAs?.(frame.compId, m.type, m.data ?? {}, m.namespace ?? '');
    if (answered) {
      void answered.then((r) => { if ('res' in r) reply(r.res); });
      return;
    }
    // Inert, as on the shim: the callback, if any, receives {}.
    warnOnce(`type:${m.type}`, `'${m.type}' is not emulated offline: the host answers {}. It is listed in host.messages()`);
    reply({});
  };

  addEventListener('message', onMessage);

  const instanceFor = (p: FrameParams): InstancePayload => ({
    instanceId: 'wix-hive-shim-instance',
    signDate: new Date(now()).toISOString(),
    uid: null,
    permissions: '',
    demoMode: false,
    ...options.instance,
    ...p.instance,
  });

  const frameUrl = (url: string, p: FrameParams = {}) => {
    const compId = p.compId ?? `comp-${++counter}`;
    return buildFrameUrl(url, String(globalThis.location?.href ?? 'http://localhost/'), { ...p, compId }, instanceFor(p), secret);
  };

  return {
    frameUrl,
    async frame(url, o = {}) {
      const compId = o.compId ?? `comp-${++counter}`;
      const src = await frameUrl(url, { ...o, compId });
      const iframe = o.iframe ?? document.createElement('iframe');
      const own = !o.iframe;
      if (own) {
        iframe.style.cssText = `display:block;width:100%;border:0;height:${o.height ?? 200}px`;
        iframe.title = o.title ?? `Widget ${compId}`;
      }
      iframe.dataset.compId = compId;
      const state: FrameState = {
        compId, url: src, iframe, heights: [], listens: new Set(), own, forwards: new Map(),
        fireEvent: (eventType, params) => deliver(state, eventType, params),
        remove() {
          const i = frames.indexOf(state);
          if (i >= 0) frames.splice(i, 1);
          for (const stop of state.forwards.values()) stop();
          state.forwards.clear();
          if (own) iframe.remove();
        },
      };
      frames.push(state);
      iframe.src = src;
      if (own && !iframe.isConnected) (o.container ?? document.body).appendChild(iframe);
      return state;
    },
    fireEvent(eventType, params, compId) {
      for (const f of frames) if (compId === undefined || f.compId === compId) deliver(f, eventType, params);
    },
    frames: () => [...frames],
    messages: () => log.map((e) => ({ ...e })),
    close() {
      closed = true;
      removeEventListener('message', onMessage);
      for (const f of frames) for (const stop of f.forwards.values()) stop();
    },
  };
}
