/**
 * `serve --webhook URL`: each committed change's WixHive webhook (facts §6.4) POSTed to the URL,
 * signed like a request when there is a secret, retried with exponential backoff. Delivery runs
 * beside the write that caused it: it never delays or fails that write.
 */
import { randomUUID } from 'node:crypto';
import type { WebhookEvent } from '../shim/events';
import { signWebhook } from './signature';

export interface WebhookSenderOptions {
  url: string;
  secret?: string;
  appId: string;
  instanceId: string;
  /** Attempts after the first. Default 6 (0.5 s, 1 s, 2 s, 4 s, 8 s, 16 s). */
  retries?: number;
  /** The first retry's delay; each next one doubles. */
  baseDelayMs?: number;
  timeoutMs?: number;
  /** Told when a webhook is given up on. */
  onGiveUp?: (message: string) => void;
}

export interface WebhookSender {
  send(event: WebhookEvent): void;
  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void>;
  /** Stops retrying; deliveries in flight finish. */
  close(): void;
}

/** At most this many deliveries at once, so a slow receiver cannot take every socket. */
const IN_FLIGHT = 4;
/** Beyond this many waiting, the oldest are dropped (and said so): memory stays bounded. */
const MAX_WAITING = 10_000;

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const retries = options.retries ?? 6;
  const base = options.baseDelayMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 5000;
  const giveUp = options.onGiveUp ?? (() => undefined);
  const waiting: Array<{ event: WebhookEvent; id: string }> = [];
  let active = 0;
  let closed = false;
  let idleWaiters: Array<() => void> = [];
  const timers = new Map<ReturnType<typeof setTimeout>, () => void>();

  const sleep = (ms: number) => new Promise<void>((ok) => {
    const t = setTimeout(() => { timers.delete(t); ok(); }, ms);
    timers.set(t, ok);
  });

  async function attempt(event: WebhookEvent, id: string): Promise<string | undefined> {
    const body = JSON.stringify(event.body);
    const headers: Record<string, string> = {
      'x-wix-application-id': options.appId,
      'x-wix-instance-id': options.instanceId,
      'x-wix-event-type': event.eventType,
      'x-wix-event-id': id,
      'x-wix-timestamp': new Date().toISOString(),
    };
    if (options.secret) headers['x-wix-signature'] = signWebhook(options.secret, headers, body);
    try {
      const res = await fetch(options.url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok ? undefined : `HTTP ${res.status}`;
    } catch (error) {
      return (error as Error).message;
    }
  }

  async function deliver(event: WebhookEvent, id: string): Promise<void> {
    let failure: string | undefined;
    for (let i = 0; i <= retries && !closed; i++) {
      if (i > 0) await sleep(base * 2 ** (i - 1));
      if (closed) break;
      failure = await attempt(event, id);
      if (!failure) return;
    }
    giveUp(`Failed to deliver webhook ${event.eventType} ${JSON.stringify(event.body)} to ${options.url}: ${failure ?? 'the server stopped'}. Check that --webhook answers 2xx`);
  }

  function pump(): void {
    while (active < IN_FLIGHT && waiting.length) {
      const next = waiting.shift()!;
      active++;
      void deliver(next.event, next.id).finally(() => {
        active--;
        pump();
      });
    }
    if (!active && !waiting.length) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  return {
    send(event) {
      if (closed) return;
      waiting.push({ event, id: randomUUID() });
      if (waiting.length > MAX_WAITING) {
        const dropped = waiting.shift()!;
        giveUp(`Dropped webhook ${dropped.event.eventType} ${JSON.stringify(dropped.event.body)}: more than ${MAX_WAITING} are waiting for ${options.url}`);
      }
      // Started from a later task: the write that caused it answers first.
      setImmediate(pump);
    },
    idle() {
      return !active && !waiting.length ? Promise.resolve() : new Promise<void>((ok) => idleWaiters.push(ok));
    },
    close() {
      closed = true;
      for (const [t, wake] of timers) { clearTimeout(t); wake(); }
      timers.clear();
      waiting.length = 0;
      pump();
    },
  };
}
