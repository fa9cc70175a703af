// @vitest-environment node
/**
 * `wix-hive-shim serve`, spawned as a child process on a free port and driven over loopback:
 * endpoints, signatures (400/403), bad input (exit 2), busy port, webhooks, crash durability.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, startCli, type RunningCli } from './cli-helpers';

const running: RunningCli[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

async function serve(args: string[] = []): Promise<RunningCli> {
  const cli = await startCli(['serve', '--port', '0', ...args]);
  running.push(cli);
  return cli;
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'whs-serve-'));

/** The §6.1 signature, written out here independently of src/cli/signature.ts. */
function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function signedHeaders(secret: string, method: string, path: string, query: Record<string, string>, body = '', timestamp = new Date().toISOString()) {
  const wix = { 'x-wix-application-id': 'app-1', 'x-wix-instance-id': 'inst-1', 'x-wix-timestamp': timestamp };
  const pairs = [...Object.entries(query), ...Object.entries(wix)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const text = [method, path, ...pairs.map((p) => p[1])].join('\n') + (body ? `\n${body}` : '');
  return { ...wix, 'x-wix-signature': hmac(secret, text) };
}

const jsonBody = async (res: Response) => {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return res.json() as Promise<Record<string, any>>;
};

describe('serve: the HTTP API over loopback', { timeout: 120_000 }, () => {
  it('answers contacts and activities endpoints, with §3.4 error bodies', async () => {
    const { url } = await serve();
    const types = await fetch(`${url}/v1/activities/types?version=1.0.0`);
    expect(types.status).toBe(200);
    expect((await jsonBody(types)).types).toContain('music/album-fan');

    const created = await fetch(`${url}/v1/contacts?version=2.0.0`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: { first: 'Ann' }, emails: [{ tag: 'main', email: 'ann@example.com' }] }),
    });
    expect(created.status).toBe(200);
    const { contact } = await jsonBody(created);
    const got = await jsonBody(await fetch(`${url}/v1/contacts/${contact.id}?version=1.0.0`));
    expect(got.name.first).toBe('Ann');

    const added = await fetch(`${url}/v1/contacts/${contact.id}/phone?version=1.0.0&modifiedAt=${encodeURIComponent(got.modifiedAt)}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tag: 'work', phone: '+1 646-862-0833' }),
    });
    expect(added.status).toBe(200);
    expect((await jsonBody(added)).phones[0].phone).toBe('+1 646-862-0833');

    const stale = await fetch(`${url}/v1/contacts/${contact.id}/phone?version=1.0.0&modifiedAt=2000-01-01T00:00:00.000Z`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tag: 'home', phone: '+1 646-862-0834' }),
    });
    expect(stale.status).toBe(409);

    const missing = await fetch(`${url}/v1/contacts/no-such-id?version=1.0.0`);
    expect(missing.status).toBe(404);
    expect(await jsonBody(missing)).toMatchObject({ errorCode: 404, wixErrorCode: -23018 });

    const noVersion = await fetch(`${url}/v1/contacts/${contact.id}`);
    expect(noVersion.status).toBe(400);
    expect((await jsonBody(noVersion)).errorCode).toBe(400);

    const posted = await fetch(`${url}/v1/contacts/${contact.id}/activities?version=1.0.0`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        createdAt: new Date().toISOString(), activityType: 'music/album-fan', activityLocationUrl: 'http://example.com/album',
        activityDetails: { additionalInfoUrl: 'http://example.com/album', summary: 'Fan' }, activityInfo: { album: { name: 'Wix', id: '1234' } },
      }),
    });
    expect(posted.status).toBe(200);
    const { activityId } = await jsonBody(posted);
    const list = await jsonBody(await fetch(`${url}/v1/contacts/${contact.id}/activities?version=1.0.0`));
    expect(list.results.map((a: { id: string }) => a.id)).toEqual([activityId]);
  });

  it('with --secret: a signed request passes; missing credentials are 400; a bad signature or an old timestamp is 403, before version is looked at', async () => {
    const secret = 's3cret';
    const { url } = await serve(['--secret', secret]);
    const path = '/v1/activities/types';

    const ok = await fetch(`${url}${path}?version=1.0.0`, { headers: signedHeaders(secret, 'GET', path, { version: '1.0.0' }) });
    expect(ok.status).toBe(200);

    // Query-parameter credentials, named without the prefix, percent-encoded, with an offset timestamp.
    // The current instant written with a +03:00 offset.
    const offset = `${new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 23)}+03:00`;
    const q = { version: '1.0.0', 'application-id': 'app-1', 'instance-id': 'inst-1', timestamp: offset };
    const text = ['GET', path, ...Object.entries(q).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map((p) => p[1])].join('\n');
    const qs = Object.entries({ ...q, signature: hmac(secret, text) }).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    expect((await fetch(`${url}${path}?${qs}`)).status).toBe(200);

    const none = await fetch(`${url}${path}?version=1.0.0`);
    expect(none.status).toBe(400);
    expect(await jsonBody(none)).toMatchObject({ errorCode: 400 });

    const bad = await fetch(`${url}${path}?version=1.0.0`, { headers: { ...signedHeaders(secret, 'GET', path, { version: '1.0.0' }), 'x-wix-signature': hmac('wrong', 'x') } });
    expect(bad.status).toBe(403);
    expect(await jsonBody(bad)).toMatchObject({ errorCode: 403 });

    const old = new Date(Date.now() - 5 * 60_000).toISOString();
    const expired = await fetch(`${url}${path}?version=1.0.0`, { headers: signedHeaders(secret, 'GET', path, { version: '1.0.0' }, '', old) });
    expect(expired.status).toBe(403);
    expect((await jsonBody(expired)).message).toMatch(/expired/);

    // No version and a bad signature: the signature is judged first.
    const both = await fetch(`${url}${path}`, { headers: { ...signedHeaders(secret, 'GET', path, {}), 'x-wix-signature': 'nope' } });
    expect(both.status).toBe(403);

    // A body is signed too: changing it after signing is refused.
    const body = JSON.stringify({ emails: [{ tag: 'main', email: 'z@example.com' }] });
    const signed = signedHeaders(secret, 'POST', '/v1/contacts', { version: '2.0.0' }, body);
    const tampered = await fetch(`${url}/v1/contacts?version=2.0.0`, { method: 'POST', headers: { ...signed, 'content-type': 'application/json' }, body: body.replace('z@', 'y@') });
    expect(tampered.status).toBe(403);
    const honest = await fetch(`${url}/v1/contacts?version=2.0.0`, { method: 'POST', headers: { ...signed, 'content-type': 'application/json' }, body });
    expect(honest.status).toBe(200);
  });
});

describe('serve: bad input', { timeout: 120_000 }, () => {
  it('a malformed data file: one line saying what to fix, exit 2, the file untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'data.json');
    writeFileSync(file, '{"contacts": [');
    const run = await runCli(['serve', '--port', '0', '--data', file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^wix-hive-shim: Failed to load --data .*data\.json: the text is not JSON/);
    expect(readFileSync(file, 'utf8')).toBe('{"contacts": [');

    const wrong = join(dir, 'other.json');
    writeFileSync(wrong, JSON.stringify({ format: 'wix-hive-shim', version: 1, exportedAt: '2020-01-01T00:00:00.000Z', contacts: [{ id: 'c1' }], activities: [] }));
    const invalid = await runCli(['serve', '--port', '0', '--data', wrong]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('bad flags: exit 2 and a line naming the flag', async () => {
    for (const [args, said] of [
      [['serve', '--port', 'x'], /--port "x"/],
      [['serve', '--webhook', 'ftp://h'], /--webhook/],
      [['serve', '--nope'], /Unknown option --nope/],
      [['serve', '--secret'], /--secret needs a value/],
      [['launch'], /Unknown command "launch"/],
      [['dev', '--widget', '/no/such/file.html'], /--widget/],
    ] as Array<[string[], RegExp]>) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(said);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('a busy port says so and names --port', async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', () => ok()));
    const { port } = blocker.address() as AddressInfo;
    try {
      for (const command of ['serve', 'dev']) {
        const run = await runCli([command, '--port', String(port)]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(new RegExp(`port ${port} .*in use.*--port`));
      }
    } finally {
      blocker.close();
    }
  });
});

describe('serve: webhooks', { timeout: 120_000 }, () => {
  it('POSTs a signed webhook for each change, retried after a failure, without delaying the write', async () => {
    const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
    let failuresLeft = 1;
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        if (failuresLeft-- > 0) {
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', () => ok()));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    try {
      const secret = 'hook-secret';
      const { url } = await serve(['--secret', secret, '--app-id', 'app-1', '--webhook', hook]);
      const body = JSON.stringify({ emails: [{ tag: 'main', email: 'hook@example.com' }] });
      const res = await fetch(`${url}/v1/contacts?version=2.0.0`, {
        method: 'POST', headers: { ...signedHeaders(secret, 'POST', '/v1/contacts', { version: '2.0.0' }, body), 'content-type': 'application/json' }, body,
      });
      expect(res.status).toBe(200);
      const { contact } = await res.json() as { contact: { id: string } };
      // The first delivery failed (503): the write was answered anyway, and the retry comes later.
      for (let i = 0; i < 100 && !received.length; i++) await new Promise((ok) => setTimeout(ok, 100));
      expect(received).toHaveLength(1);
      const [hookCall] = received;
      const h = hookCall!.headers as Record<string, string>;
      expect(h['x-wix-event-type']).toBe('/contacts/created');
      expect(JSON.parse(hookCall!.body)).toEqual({ contactId: contact.id });
      expect(h['x-wix-application-id']).toBe('app-1');
      // The receiver checks the signature as facts §6.4 describes: POST, empty path, the x-wix-* values by name, the body.
      const signed = Object.entries(h).filter(([n]) => n.startsWith('x-wix-') && n !== 'x-wix-signature').sort((a, b) => (a[0] < b[0] ? -1 : 1));
      const text = ['POST', '', ...signed.map((p) => p[1])].join('\n') + `\n${hookCall!.body}`;
      expect(h['x-wix-signature']).toBe(hmac(secret, text));
      expect(h['x-wix-signature']).not.toBe(hmac('other', text));
    } finally {
      receiver.close();
    }
  });
});

describe('serve --data: durability', { timeout: 120_000 }, () => {
  it('SIGKILL during a burst of 1,000 writes: the file loads and holds every write that was answered 2xx', async () => {
    const file = join(tempDir(), 'data.json');
    const first = await serve(['--data', file]);
    const answered: Array<{ id: string; email: string }> = [];
    let killed = false;
    let next = 0;
    const worker = async () => {
      while (next < 1000) {
        const i = next++;
        const email = `burst${i}@example.com`;
        try {
          const res = await fetch(`${first.url}/v1/contacts?version=2.0.0`, {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ emails: [{ tag: 'main', email }] }),
          });
          if (res.status >= 200 && res.status < 300) answered.push({ id: ((await res.json()) as { contact: { id: string } }).contact.id, email });
        } catch {
          if (!killed) throw new Error(`write ${i} failed before the kill`);
        }
        if (!killed && answered.length >= 300) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(killed).toBe(true);
    expect(await first.exited).toBe('SIGKILL');
    expect(answered.length).toBeGreaterThanOrEqual(300);

    const second = await serve(['--data', file]);
    const missing: string[] = [];
    for (const { id, email } of answered) {
      const res = await fetch(`${second.url}/v1/contacts/${id}?version=1.0.0`);
      if (res.status !== 200 || ((await res.json()) as { emails: Array<{ email: string }> }).emails[0]?.email !== email) missing.push(id);
    }
    expect(missing).toEqual([]);
    // And the rewritten file is a valid export.
    expect(JSON.parse(readFileSync(file, 'utf8')).contacts.length).toBeGreaterThanOrEqual(answered.length);
  });
});
