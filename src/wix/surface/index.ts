/**
 * The whole `window.Wix` of Wix.js 1.90.0 beside Activities and Contacts: every namespace,
 * member and constant (test/browser/surface.test.ts walks both), each emulated, simulated or
 * inert (decision 0011).
 */
import type { Reporter } from '../calling';
import type { HiveStore } from '../../storage/hive-store';
import { createBridge, NO_REPLY } from './bridge';
import { registerAnswers, type BillingState, type CrossFrameMessage, type Member } from './answers';
import { EVENTS, PUBSUB_PREFIX, THEME, WINDOW_ORIGIN, WINDOW_PLACEMENT } from './constants';
import type { SurfaceContext } from './context';
import { createMisc } from './misc';
import { queryParameter, urlInstance } from './query';
import { createRoot } from './root';
import { createSettings } from './settings';
import { createShared } from './shared';
import { siteModel, type SiteModel } from './site';
import { createStyles } from './styles';
import { createUtils } from './utils';

export type { SiteModel, SitePage, StyleParams } from './site';
export type { Member, BillingState } from './answers';
export type { SentMessage } from './bridge';

export interface SurfaceOptions {
  reporter: Reporter;
  store: HiveStore;
  now: () => number;
  /** Used when the URL has no `viewMode`. */
  viewMode: string;
  /** Used when the URL lacks them: compId, origCompId, width, locale, deviceType, section-url, target, cacheKiller. */
  query: Record<string, string | null>;
  /** The `instance` payload when the URL has none. */
  instance: Record<string, unknown>;
  site?: SiteModel;
  billing?: BillingState;
  member?: Member | null;
  loginAs?: Member;
}

const CHANNEL = 'wix-hive-shim:pubsub';

export function createSurface(o: SurfaceOptions) {
  const b = createBridge(o.reporter, o.now);
  let editMode: string | undefined;
  /** The frame a host is answering for (answerAs), during that synchronous turn only. */
  let answeringFor: string | undefined;
  const c: SurfaceContext = {
    b,
    viewMode: () => editMode ?? queryParameter('viewMode') ?? o.viewMode,
    compId: () => answeringFor ?? queryParameter('compId') ?? o.query.compId ?? null,
    site: siteModel(o.site),
    store: o.store,
  };
  const persisted: Record<string, unknown[]> = {};

  // PubSub and settings updates reach the app's other frames and tabs of this origin.
  let channel: BroadcastChannel | undefined;
  const open = () => {
    if (channel || typeof BroadcastChannel !== 'function') return channel;
    try {
      channel = new BroadcastChannel(CHANNEL);
      // Node's BroadcastChannel would keep the process alive; browsers have no unref.
      (channel as { unref?: () => void }).unref?.();
      channel.onmessage = ({ data: m }: MessageEvent<CrossFrameMessage>) => {
        if (!m || typeof m.eventKey !== 'string') return; // a foreign message on the channel
        if (m.to !== undefined && m.to !== '*' && m.to !== c.compId()) return;
        if (m.persistent) (persisted[m.eventKey] ??= []).push(m.params);
        void b.fire(m.eventKey, m.params);
      };
    } catch { /* an opaque origin may refuse a channel: this frame only */ }
    return channel;
  };

  registerAnswers(c, {
    billing: o.billing ?? {},
    loginAs: o.loginAs ?? { id: 'member-1', email: 'member@example.com', name: 'Site Member', owner: false, status: 'ACTIVE' },
    member: { current: o.member ?? null },
    persisted,
    broadcast: (m) => {
      try { open()?.postMessage(m); } catch { /* closed */ }
    },
  });
  // Subscribers need the channel open before anyone publishes.
  const listen = b.listen;
  b.listen = (...args) => (String(args[0]).startsWith(PUBSUB_PREFIX) || args[0] === 'SETTINGS_UPDATED' ? open() : undefined, listen(...args));

  const s = createShared(c);
  const Settings = createSettings(c, s);
  const { root, Dashboard } = createRoot(c, s, Settings);
  const Utils = createUtils(c, s, { query: o.query, instance: () => urlInstance() ?? o.instance });
  const misc = createMisc(c, s);

  const namespaces = {
    ...misc,
    Dashboard,
    Events: { ...EVENTS },
    Media: Utils.Media,
    Settings,
    Styles: createStyles(c, s),
    Theme: { ...THEME },
    Utils,
    WindowOrigin: { ...WINDOW_ORIGIN },
    WindowPlacement: { ...WINDOW_PLACEMENT },
    ...root,
  };

  return {
    namespaces,
    viewMode: c.viewMode,
    /**
     * Fires a `Wix.Events` event (or any event key) at this instance's listeners, in a later task,
     * as a host would; `EDIT_MODE_CHANGE` with `{editMode}` also changes `getViewMode()`.
     */
    fireEvent(eventType: string, data?: unknown): Promise<void> {
      if (eventType === 'EDIT_MODE_CHANGE' && typeof (data as { editMode?: unknown })?.editMode === 'string') editMode = (data as { editMode: string }).editMode;
      return b.fire(eventType, data);
    },
    calls: b.calls,
    /**
     * Answers one message of Wix.js's protocol as this instance's simulated host does, on behalf of
     * the frame `compId` (the host for the real Wix.js, src/host, uses it so both answer alike).
     * Resolves with `{res}`, or `{}` when the host sends no reply; `undefined` for a type this
     * instance does not answer (inert).
     */
    answerAs(compId: string, type: string, data: unknown, namespace: string): Promise<{ res?: unknown }> | undefined {
      const answer = Object.prototype.hasOwnProperty.call(b.answers, type) ? b.answers[type] : undefined;
      if (!answer) return undefined;
      answeringFor = compId;
      let reply: unknown;
      try {
        reply = answer(data ?? {}, namespace);
      } catch (error) {
        reply = { error: { errorCode: 400, message: (error as Error)?.message } };
      } finally {
        answeringFor = undefined;
      }
      return Promise.resolve(reply).then(
        (res) => (res === NO_REPLY ? {} : { res }),
        (error: unknown) => ({ res: { error: { errorCode: 500, message: String(error) } } }),
      );
    },
    close() {
      channel?.close();
      channel = undefined;
    },
  };
}
