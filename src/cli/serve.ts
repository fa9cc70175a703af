/**
 * `wix-hive-shim serve`: the WixHive HTTP API (`handleHiveRequest` of one shim instance) on
 * 127.0.0.1, with optional request signatures (`--secret`), a durable data file (`--data`) and
 * webhooks (`--webhook`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createShim, type Shim } from '../shim/create-shim';
import { openDataFile, type DataFile } from './data-file';
import { IncomingRequest } from './incoming-request';
import { closeServer, listen } from './listen';
import { createJournalDriver } from './journal-driver';
import { checkSignature } from './signature';
import { createWebhookSender, type WebhookSender } from './webhooks';

export interface ServeOptions {
  port: number;
  data?: string;
  secret?: string;
  appId?: string;
  webhook?: string;
  /** Where one-line notes go (start-up, webhook give-ups). */
  log: (line: string) => void;
  /** Called when the data file can no longer be written: the process should stop. */
  onFatal: (error: Error) => void;
}

export interface RunningServe {
  url: string;
  port: number;
  shim: Shim;
  close(): Promise<void>;
}

/** Larger bodies are refused with 413 before they are buffered whole. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Facts §6.1: a timestamp is valid about one minute. */
const MAX_SKEW_MS = 60_000;

const json = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
};

/** The §3.4 error body. The wixErrorCode of auth failures is not recorded anywhere; -23001 is the generic one. */
const hiveError = (res: ServerResponse, status: number, message: string, wixErrorCode = -23001) =>
  json(res, status, { errorCode: status, message, wixErrorCode });

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        ok(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

/** Hop-by-hop and framing headers belong to this connection, not to the Request handed on. */
const SKIPPED_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'upgrade', 'expect']);

function toRequest(req: IncomingMessage, origin: string, body: Buffer): Request {
  const headers = () => {
    const pairs: Array<[string, string]> = [];
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || SKIPPED_HEADERS.has(name)) continue;
      for (const v of Array.isArray(value) ? value : [value]) pairs.push([name, v]);
    }
    return pairs;
  };
  // A Request-shaped view rather than `new Request`: see incoming-request.ts for the measurement.
  const path = req.url?.startsWith('/') ? req.url : `/${req.url ?? ''}`;
  return new IncomingRequest(req.method ?? 'GET', origin + path, headers, body) as unknown as Request;
}

export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const driver = createJournalDriver();
  const instanceId = 'wix-hive-shim-serve';
  const shim = createShim({ dbName: 'wix-hive-shim-serve', driver, quiet: true, session: 'serve', instanceId });

  let dataFile: DataFile | undefined;
  if (options.data) {
    dataFile = await openDataFile(options.data, shim, driver, { onFatal: options.onFatal, onNote: options.log });
  }

  let webhooks: WebhookSender | undefined;
  if (options.webhook) {
    const sender = createWebhookSender({
      url: options.webhook,
      ...(options.secret ? { secret: options.secret } : {}),
      appId: options.appId ?? 'wix-hive-shim-app',
      instanceId,
      onGiveUp: options.log,
    });
    shim.on('webhook', (event) => sender.send(event));
    webhooks = sender;
  }

  let origin = 'http://127.0.0.1';
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (!body) return hiveError(res, 413, `Request body over ${MAX_BODY_BYTES} bytes`);
      if (options.secret) {
        const raw = req.url ?? '/';
        const q = raw.indexOf('?');
        const auth = checkSignature({
          method: req.method ?? 'GET',
          path: q < 0 ? raw : raw.slice(0, q),
          rawQuery: q < 0 ? '' : raw.slice(q + 1),
          headers: req.headers,
          body: body.toString('utf8'),
        }, { secret: options.secret, ...(options.appId ? { appId: options.appId } : {}), now: Date.now(), maxSkewMs: MAX_SKEW_MS });
        if (!auth.ok) return hiveError(res, auth.status, auth.message);
      }
      const response = await shim.handleHiveRequest(toRequest(req, origin, body));
      const out = Buffer.from(await response.arrayBuffer());
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => { headers[name] = value; });
      headers['content-length'] = String(out.length);
      res.writeHead(response.status, headers).end(out);
    })().catch((error: unknown) => {
      if (!res.headersSent) hiveError(res, 500, String((error as Error)?.message ?? error), -100);
      else res.destroy();
    });
  });
  // Keep-alive clients (benchmarks, app servers) reuse sockets; Node's default 5 s is fine.
  const port = await listen(server, options.port).catch(async (error) => {
    await dataFile?.close();
    throw error;
  });
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    port,
    shim,
    async close() {
      await closeServer(server);
      webhooks?.close();
      await dataFile?.close();
      await shim.close();
    },
  };
}
