// `npm run bench:serve`: `wix-hive-shim serve --data FILE` beside json-server 1.0.0-beta.3 (the
// newest that runs on Node 20), both on loopback, both holding the same 10,000 contacts, driven by
// the same client in one run. Bounded request counts; figures are ratios measured together, because
// the machine may be shared (the load average is printed with them).
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { createShim } = await import(join(root, 'dist/index.js'));

const CONTACTS = 10_000;
const SMALL = 100;
const CONCURRENCY = 16;
const GETS = Number(process.env.BENCH_GETS ?? 4000);
const POSTS = Number(process.env.BENCH_POSTS ?? 600);
const LATENCY_WRITES = Number(process.env.BENCH_LATENCY_WRITES ?? 100);

const dir = mkdtempSync(join(tmpdir(), 'whs-bench-serve-'));

/** The same contacts for both servers: made by the shim (valid, with ids), exported once. */
async function makeData(count, name) {
  const shim = createShim({ dbName: `bench-${name}`, indexedDB: null, quiet: true });
  await shim.seed({
    contacts: Array.from({ length: count }, (_, i) => ({
      name: { first: `First${i}`, last: `Last${i}` },
      emails: [{ tag: 'main', email: `person${i}@example.com` }],
      phones: [{ tag: 'mobile', phone: `+1 555-01${String(i).padStart(5, '0')}` }],
    })),
  });
  const exported = await shim.exportData();
  await shim.close();
  const shimFile = join(dir, `${name}.shim.json`);
  const jsonServerFile = join(dir, `${name}.json-server.json`);
  writeFileSync(shimFile, JSON.stringify(exported));
  writeFileSync(jsonServerFile, JSON.stringify({ contacts: exported.contacts }));
  return { shimFile, jsonServerFile, ids: exported.contacts.map((c) => c.id) };
}

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

function start(args, ready) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d) => {
      out += d;
      if (ready.test(out)) ok(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`${args.join(' ')} exited (${code}):\n${out}`)));
  });
}

async function startServe(file) {
  const port = await freePort();
  const child = await start([join(root, 'dist/cli.js'), 'serve', '--port', String(port), '--data', file], /127\.0\.0\.1:\d+/);
  return { child, port, get: (id) => `/v1/contacts/${id}?version=1.0.0`, post: '/v1/contacts?version=2.0.0' };
}

async function startJsonServer(file) {
  const port = await freePort();
  const child = await start([join(root, 'node_modules/json-server/lib/bin.js'), file, '--port', String(port), '--host', '127.0.0.1'], /started on PORT/i);
  return { child, port, get: (id) => `/contacts/${id}`, post: '/contacts' };
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function call(port, method, path, body) {
  return new Promise((ok, fail) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {} }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode >= 200 && res.statusCode < 300 ? ok() : fail(new Error(`${method} ${path}: ${res.statusCode}`))));
    });
    req.on('error', fail);
    req.end(data);
  });
}

/** Milliseconds for `count` requests, `CONCURRENCY` at a time; `make(i)` gets i from `offset`. */
async function burst(count, make, offset = 0) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) await make(offset + next++);
  }));
  return performance.now() - t0;
}

const ROUNDS = 8;
/**
 * Requests per second of two servers, measured in alternating rounds (A B, B A, …) so that the
 * other helpers' load, which comes and goes, falls on both alike.
 */
async function sideBySide(count, makeA, makeB) {
  const per = Math.ceil(count / ROUNDS);
  let a = 0;
  let b = 0;
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) { a += await burst(per, makeA, r * per); b += await burst(per, makeB, r * per); }
    else { b += await burst(per, makeB, r * per); a += await burst(per, makeA, r * per); }
  }
  return [(per * ROUNDS) / (a / 1000), (per * ROUNDS) / (b / 1000)];
}

/** Median latency (ms) of `count` writes one after another. */
async function latency(count, make) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await make(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const newContact = (tag, i) => ({ name: { first: `New${i}` }, emails: [{ tag: 'main', email: `${tag}-${i}@example.org` }] });

const big = await makeData(CONTACTS, 'big');
const small = await makeData(SMALL, 'small');
const rows = [];
const servers = [];
try {
  const serveBig = await startServe(big.shimFile);
  const jsonBig = await startJsonServer(big.jsonServerFile);
  servers.push(serveBig.child, jsonBig.child);

  // Warm both (JIT, sockets), then GET by id in alternation so that load changes hit both alike.
  const pick = (i) => big.ids[(i * 7919) % big.ids.length];
  for (const s of [serveBig, jsonBig]) await burst(500, (i) => call(s.port, 'GET', s.get(pick(i))));
  const [getServe, getJson] = await sideBySide(GETS,
    (i) => call(serveBig.port, 'GET', serveBig.get(pick(i))),
    (i) => call(jsonBig.port, 'GET', jsonBig.get(pick(i))));
  rows.push(['GET by id (req/s)', getServe, getJson, getServe / getJson, '≥ 1']);

  const [postServe, postJson] = await sideBySide(POSTS,
    (i) => call(serveBig.port, 'POST', serveBig.post, newContact('tp', i)),
    (i) => call(jsonBig.port, 'POST', jsonBig.post, newContact('tp', i)));
  rows.push(['POST a contact (req/s)', postServe, postJson, postServe / postJson, '≥ 0.5']);

  const serveSmall = await startServe(small.shimFile);
  const jsonSmall = await startJsonServer(small.jsonServerFile);
  servers.push(serveSmall.child, jsonSmall.child);
  // Median latency of one write at a time, big and small store alternating write by write.
  const lat = {};
  for (const [big, small, name] of [[serveBig, serveSmall, 'serve'], [jsonBig, jsonSmall, 'json']]) {
    const times = { big: [], small: [] };
    const once = async (s, key, i) => {
      const t0 = performance.now();
      await call(s.port, 'POST', s.post, newContact(`lat-${name}-${key}`, i));
      if (i >= 20) times[key].push(performance.now() - t0); // the first 20 warm up
    };
    for (let i = 0; i < LATENCY_WRITES + 20; i++) {
      if (i % 2) { await once(big, 'big', i); await once(small, 'small', i); } else { await once(small, 'small', i); await once(big, 'big', i); }
    }
    const median = (list) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)];
    lat[`${name}Big`] = median(times.big);
    lat[`${name}Small`] = median(times.small);
  }
  rows.push([`write latency at ${CONTACTS} ÷ at ${SMALL}`, lat.serveBig / lat.serveSmall, lat.jsonBig / lat.jsonSmall, undefined, '≤ 2 (serve)']);
  rows.push([`  median write, ${CONTACTS} / ${SMALL} contacts (ms)`, `${lat.serveBig.toFixed(2)} / ${lat.serveSmall.toFixed(2)}`, `${lat.jsonBig.toFixed(2)} / ${lat.jsonSmall.toFixed(2)}`, undefined, '']);
} finally {
  for (const child of servers) child.kill('SIGTERM');
  agent.destroy();
}

const fmt = (v) => (typeof v === 'number' ? (v >= 100 ? v.toFixed(0) : v.toFixed(2)) : (v ?? ''));
const header = ['', 'wix-hive-shim serve', 'json-server 1.0.0-beta.3', 'serve ÷ json-server', 'target'];
const table = [header, ...rows.map((r) => r.map(fmt))];
const widths = header.map((_, c) => Math.max(...table.map((r) => String(r[c]).length)));
const line = (r) => `| ${r.map((v, c) => String(v).padEnd(widths[c])).join(' | ')} |`;
console.log(`\nbench:serve — ${CONTACTS} contacts, loopback, ${CONCURRENCY} concurrent, ${GETS} GETs and ${POSTS} POSTs per server in ${ROUNDS} alternating rounds, ${LATENCY_WRITES} sequential writes for latency`);
console.log('serve POSTs are reconciles (version 2.0.0), answered after fsync; json-server writes its whole file per POST (no fsync)');
console.log(line(table[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table.slice(1)) console.log(line(r));
console.log(`\nNode ${process.version}; load: ${execSync('uptime').toString().trim()}`);
