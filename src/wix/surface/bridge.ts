/**
 * The in-process stand-in for the host side of Wix.js's postMessage protocol (facts §3.5): every
 * member hands `send()` the message the real SDK would have posted (type, namespace, data) and
 * the callback the reply would have reached. `send` records the message (the inspectable
 * `calls()` list), lets the emulated or simulated answer for its type act at once, and calls the
 * callback with the answer in a later task. A type with no answer is inert: its callback gets
 * `{}` and the first call warns, naming the member.
 */
import { invoke, sdkArgumentError, type Reporter } from '../calling';
import { later } from '../later';
import { EVENTS } from './constants';

/** One message the widget sent to its (here: simulated) host. */
export interface SentMessage {
  /** The SDK's message type, e.g. `heightChanged`, `siteInfo`, `registerEventListener`. */
  type: string;
  /** `Wix`, `Settings`, `Styles`, `Utils`, `Data.Public`, … */
  namespace: string;
  /** The message's data, as JSON would carry it. */
  data: unknown;
  /** Epoch milliseconds. */
  at: number;
}

/** Returned by an answer when the host sends no reply (the callback is not called). */
export const NO_REPLY: unique symbol = Symbol('no reply');
export type Answer = (data: any, namespace: string) => unknown;

const CALLS_LIMIT = 500;
/** Members whose message type is not their own name, for the inert warning. */
const MEMBER_OF: Record<string, string> = { settingsOpenModal: 'openModal', boundingRectAndOffsets: 'getBoundingRectAndOffsets', postMessage: 'triggerSettingsUpdatedEvent' };

type Listener = { callback: (...args: unknown[]) => unknown; id: number };

export function createBridge(r: Reporter, now: () => number) {
  // The real SDK has used ids 1–4 by the time a widget runs (appIsAlive, its own
  // EDIT_MODE_CHANGE listener and registration, getViewMode); ids count on from there.
  let callId = 4;
  // Once the host has answered appIsAlive (a later task) and the document is ready, the real SDK
  // adds its own THEME_CHANGE and STYLE_PARAMS_CHANGE listeners and says stylesReady: five more
  // ids (the conformance suite compares the ids addEventListener returns).
  later(() => {
    const d = (globalThis as { document?: Document }).document;
    const bump = () => { callId += 5; };
    if (!d || d.readyState !== 'loading') bump();
    else d.addEventListener('DOMContentLoaded', bump, { once: true });
  });
  const sent: SentMessage[] = [];
  const answers: Record<string, Answer> = {};
  const listeners: Record<string, Listener[]> = {};
  const warned = new Set<string>();

  const once = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    r.warn(message);
  };

  /** Throws the SDK's argument error for `message`, after one `[wix-hive-shim]` warning. */
  const fail = (message: string): never => {
    r.warn(`Failed to call a Wix SDK method: ${message}. Fix the arguments: the real SDK throws the same string.`);
    throw sdkArgumentError(message);
  };

  const send = (type: string, namespace: string, data?: unknown, callback?: unknown): void => {
    // The SDK JSON-stringified each message in the calling task: a cycle throws here as there.
    const copy = data == null ? {} : JSON.parse(JSON.stringify(data));
    callId++;
    sent.push({ type, namespace, data: copy, at: now() });
    if (sent.length > CALLS_LIMIT) sent.shift();
    const answer = answers[type];
    if (!answer) {
      const member = `Wix${namespace === 'Wix' ? '' : `.${namespace}`}.${MEMBER_OF[type] ?? type}`;
      once(type, `${member} is not emulated offline: it does nothing, and its callback, if any, receives {}. It is listed in calls().`);
    }
    let reply: unknown;
    try {
      reply = answer ? answer(copy, namespace) : {};
    } catch (error) {
      reply = { error: { errorCode: 400, message: (error as Error).message } };
    }
    const method = `Wix ${namespace}.${type}`;
    Promise.resolve(reply).then(
      (res) => {
        if (res !== NO_REPLY && typeof callback === 'function') later(() => invoke(method, callback as (v: unknown) => void, res, r));
      },
      (error: unknown) => {
        r.warn(`${method}: ${(error as Error)?.message ?? String(error)}`);
        if (typeof callback === 'function') later(() => invoke(method, callback as (v: unknown) => void, { error: { errorCode: 500, message: String(error) } }, r));
      },
    );
  };

  const listen = (name: unknown, namespace: string, callback: unknown, free: boolean, extra: Record<string, unknown> = {}): number => {
    if (!(free || (name && Object.prototype.hasOwnProperty.call(EVENTS, name as string)))) fail(`Unsupported event name, ${String(name)}`);
    const id = ++callId;
    (listeners[name as string] ??= []).push({ callback: callback as Listener['callback'], id });
    // The host's reply may carry past events to replay (PubSub's receivePastEvents).
    send('registerEventListener', namespace, { ...extra, eventKey: name }, (res: { drain?: boolean; data?: unknown[] }) => {
      if (res?.drain) for (const item of res.data ?? []) (callback as Listener['callback'])(item);
    });
    return id;
  };

  const unlisten = (name: unknown, namespace: string, callbackOrId: unknown, free: boolean): void => {
    if (!(free || (name && Object.prototype.hasOwnProperty.call(EVENTS, name as string)))) fail(`Unsupported event name, ${String(name)}`);
    const list = listeners[name as string];
    const at = list ? list.findIndex((l) => l.callback === callbackOrId || l.id === callbackOrId) : -1;
    if (at < 0) return;
    list!.splice(at, 1);
    if (!list!.length) send('removeEventListener', namespace, { eventKey: name });
  };

  /** Delivers an event to this instance's listeners, in a later task; resolves once they ran. */
  const fire = (eventType: string, params?: unknown): Promise<void> =>
    new Promise((done) => later(() => {
      // The SDK called each listener with (params, undefined): two arguments.
      for (const l of [...(listeners[eventType] ?? [])]) invoke(`Wix.addEventListener('${eventType}')`, (p) => l.callback(p, undefined), params, r);
      done();
    }));

  return {
    send,
    /** Calls a callback with a value in a later task, keeping what it throws away from the shim. */
    reply: (method: string, callback: unknown, value: unknown) => {
      if (typeof callback === 'function') later(() => invoke(method, callback as (v: unknown) => void, value, r));
    },
    fail,
    listen,
    unlisten,
    fire,
    /** Warns once per key (deprecations, inert members). */
    once,
    answers,
    /** The messages sent so far (the last 500), oldest first. */
    calls: (): SentMessage[] => sent.map((m) => ({ ...m })),
  };
}

export type Bridge = ReturnType<typeof createBridge>;
