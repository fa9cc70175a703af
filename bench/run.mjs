// `npm run bench`: times the shim against a hand-written raw IndexedDB baseline in Debian's
// Chromium (never a downloaded browser), prints a table and writes bench/results/latest.json.
// A missed target is reported, never an error: the exit code is non-zero only when the bench
// itself could not run. See bench/README.md.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const pageDir = join(root, 'bench', 'page');
const distDir = join(root, 'dist');
const resultsFile = join(root, 'bench', 'results', 'latest.json');

// Sizes; the environment may shrink them for a quick look (the committed results use the defaults).
const env = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const ROUNDS = env('BENCH_ROUNDS', 3);
const CALLS = env('BENCH_CALLS', 1000);
const CONTACTS = env('BENCH_CONTACTS', 100_000);
const SMALL = 100;
const PAGE_SIZE = 25;
const DEPTH = Math.min(env('BENCH_DEPTH', 4000), Math.floor(CONTACTS / PAGE_SIZE));
const DEEP_TIMED = 10; // next() calls timed per round, ending at page DEPTH in the last round
const RECONCILES = env('BENCH_RECONCILES', 500);
const FIRST_PAGE_REPS = env('BENCH_PAGE_REPS', 20);
const LABEL = 'vip'; // every 100th generated contact: 1%
const WARMUP = 100;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (...a) => console.error(`[bench ${elapsed()}]`, ...a);
const fmtN = (n) => n.toLocaleString('en-US');

// --- a tiny static server on 127.0.0.1: /dist/* from the build, everything else from bench/page ---

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

function serve() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)).replace(/^(\.\.[/\\])+/, '');
    const [base, rel] = path.startsWith('/dist/') ? [distDir, path.slice('/dist/'.length)] : [pageDir, path === '/' ? 'index.html' : path.slice(1)];
    const file = join(base, rel);
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

// --- helpers ---------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round3 = (x) => (x === null || x === undefined ? x : Math.round(x * 1000) / 1000);
const MB = (bytes) => Math.round((bytes / 1048576) * 10) / 10;

/** A fixed permutation of 0..n-1, so both sides read the same ids in the same scattered order. */
function shuffled(n, seed = 12345) {
  const a = Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

async function main() {
  if (!existsSync(join(distDir, 'wix-hive-shim.min.js'))) throw new Error('dist/wix-hive-shim.min.js is missing: run `npm run build` (npm run bench does)');
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing: install Debian\'s chromium package (the bench never downloads a browser)');

  const server = await serve();
  const { port } = server.address();
  const userDataDir = await mkdtemp(join(tmpdir(), 'wix-hive-bench-'));
  log(`serving bench/page and dist/ on http://127.0.0.1:${port}/, profile in ${userDataDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log('page error:', e.message));
    page.on('console', (m) => { if (m.type() === 'error') log('page console error:', m.text()); });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');
    log(`browser: ${product}`);
    return await runAll(page, cdp, product);
  } finally {
    await context.close().catch(() => undefined);
    server.close();
    await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function runAll(page, cdp, chromiumVersion) {
  const ev = (name, arg = {}) => page.evaluate(([n, a]) => window.bench[n](a), [name, arg]);
  const scenarios = [];
  const extra = {};

  /** Runs `one(side, round)` → ms, alternating sides (shim first in even rounds), ROUNDS times. */
  async function alternate(name, one, opts = {}) {
    const samples = { shim: [], raw: [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const side of r % 2 === 0 ? ['shim', 'raw'] : ['raw', 'shim']) samples[side].push(await one(side, r));
    }
    const s = { name, shim_ms: round3(median(samples.shim)), raw_ms: round3(median(samples.raw)) };
    s.ratio = round3(s.shim_ms / s.raw_ms);
    s.ops = opts.ops;
    s.samples = { shim: samples.shim.map(round3), raw: samples.raw.map(round3) };
    scenarios.push(s);
    log(`${name}: shim ${s.shim_ms} ms, raw ${s.raw_ms} ms, ratio ${s.ratio} (shim ${s.samples.shim.join('/')}; raw ${s.samples.raw.join('/')})`);
    return s;
  }

  // The raw baseline's layout must be the shim's.
  await ev('open', { side: 'shim', db: 'layout-shim' });
  await ev('open', { side: 'raw', db: 'layout-raw' });
  const [shimLayout, rawLayout] = [await ev('layout', { db: 'layout-shim' }), await ev('layout', { db: 'layout-raw' })];
  const layoutSame = JSON.stringify(shimLayout) === JSON.stringify(rawLayout);
  log(layoutSame ? 'layout: the raw baseline creates exactly the shim\'s stores and indexes' : `layout MISMATCH:\nshim ${JSON.stringify(shimLayout)}\nraw  ${JSON.stringify(rawLayout)}`);
  await ev('deleteDb', { db: 'layout-shim' });
  await ev('deleteDb', { db: 'layout-raw' });

  // Warm both code paths up (JIT, first-use costs) on throwaway databases.
  for (const side of ['shim', 'raw']) {
    for (const withContact of [false, true]) {
      const db = `warm-${side}-${withContact}`;
      await ev('open', { side, db });
      const { ids, contactIds } = await ev('postActivity', { side, db, n: WARMUP, withContact, tag: `warm${side}` });
      await ev('getById', { side, db, store: 'activities', ids });
      if (withContact) await ev('getById', { side, db, store: 'contacts', ids: contactIds });
      await ev('deleteDb', { db });
    }
  }
  log('warmed up');

  // --- single calls -------------------------------------------------------------------------
  await alternate(`postActivity, no contact ×${fmtN(CALLS)}`, async (side, r) => {
    const db = `post-${side}-${r}`;
    await ev('open', { side, db });
    const { ms } = await ev('postActivity', { side, db, n: CALLS, withContact: false, tag: `p${side}${r}` });
    await ev('deleteDb', { db });
    return ms;
  }, { ops: CALLS });

  let readDb;
  let readIds;
  await alternate(`postActivity, new contact ×${fmtN(CALLS)}`, async (side, r) => {
    const db = `postc-${side}-${r}`;
    await ev('open', { side, db });
    const { ms, ids, contactIds } = await ev('postActivity', { side, db, n: CALLS, withContact: true, tag: `c${side}${r}` });
    if (side === 'shim' && r === 0) { readDb = db; readIds = { activities: ids, contacts: contactIds }; }
    else await ev('deleteDb', { db });
    return ms;
  }, { ops: CALLS });

  // Both sides read the same records of the same database (the shim wrote them), in one scattered order.
  const order = shuffled(CALLS);
  for (const [store, label] of [['activities', 'getActivityById'], ['contacts', 'getContactById']]) {
    const ids = order.map((i) => readIds[store][i]);
    await ev('getById', { side: 'raw', db: readDb, store, ids }); // untimed: a warm cache for both
    await alternate(`${label} ×${fmtN(CALLS)}`, async (side) => (await ev('getById', { side, db: readDb, store, ids })).ms, { ops: CALLS });
  }
  await ev('deleteDb', { db: readDb });

  // --- reconcile at 100 contacts -------------------------------------------------------------
  await ev('prepare', { db: 'c100', n: SMALL });
  const picks = (n) => Array.from({ length: RECONCILES }, (_, i) => (i * 7919) % n);
  const reconcile = (db, n, size) => async (side, r) =>
    (await ev('reconcile', { side, db, indexes: picks(n), tag: `${side === 'shim' ? 1 : 2}${size}${r}` })).ms;
  const rec100 = await alternate(`reconcileContact, existing email, ${SMALL} stored ×${RECONCILES}`, reconcile('c100', SMALL, 1), { ops: RECONCILES });
  await ev('deleteDb', { db: 'c100' });

  // --- seed 100,000 -------------------------------------------------------------------------
  await ev('makeFixture', { n: CONTACTS });
  log(`generated ${fmtN(CONTACTS)} contacts`);
  const bigDb = `seed-shim-${ROUNDS - 1 - ((ROUNDS - 1) % 2)}`; // the last round that seeds the shim first
  const seed = await alternate(`seed ${fmtN(CONTACTS)} contacts (whole seed)`, async (side, r) => {
    const db = `seed-${side}-${r}`;
    await ev('open', { side, db });
    const { ms } = await ev('seed', { side, db });
    if (db !== bigDb) await ev('deleteDb', { db });
    return ms;
  }, { ops: 1 });
  await ev('dropFixture');
  extra.seedContactsPerSecond = { shim: Math.round(CONTACTS / (seed.shim_ms / 1000)), raw: Math.round(CONTACTS / (seed.raw_ms / 1000)) };

  // --- at 100,000 contacts (the shim's own seed, shared by both sides) -----------------------
  const rec100k = await alternate(`reconcileContact, existing email, ${fmtN(CONTACTS)} stored ×${RECONCILES}`, reconcile(bigDb, CONTACTS, 2), { ops: RECONCILES });

  const first = await alternate(`getContacts first page (25, with total) of ${fmtN(CONTACTS)}`, async (side) => {
    const res = await ev('firstPage', { side, db: bigDb, reps: FIRST_PAGE_REPS, pageSize: PAGE_SIZE });
    if (res.total !== CONTACTS) throw new Error(`${side}: total ${res.total}, expected ${CONTACTS}`);
    return res.ms;
  }, { ops: FIRST_PAGE_REPS });

  const filtered = await alternate(`getContacts label '${LABEL}' (1%) first page (25, with total)`, async (side) => {
    const res = await ev('firstPage', { side, db: bigDb, label: LABEL, reps: FIRST_PAGE_REPS, pageSize: PAGE_SIZE });
    if (res.total !== Math.ceil(CONTACTS / 100)) throw new Error(`${side}: ${LABEL} total ${res.total}, expected ${Math.ceil(CONTACTS / 100)}`);
    return res.ms;
  }, { ops: FIRST_PAGE_REPS });

  // Deep page: walk untimed to page DEPTH - ROUNDS*10, then each round times 10 next() calls, the
  // last round ending on page DEPTH. Both sides must see the same records at the same pages.
  const startPage = DEPTH - ROUNDS * DEEP_TIMED;
  for (const side of ['shim', 'raw']) {
    const { walkMs } = await ev('deepStart', { side, db: bigDb, pages: startPage, pageSize: PAGE_SIZE });
    log(`${side}: walked to page ${fmtN(startPage)} in ${(walkMs / 1000).toFixed(1)} s (${(walkMs / startPage).toFixed(2)} ms/page)`);
  }
  const deepSeen = { shim: [], raw: [] };
  const deep = await alternate(`cursor.next at page ~${fmtN(DEPTH)} (25) of ${fmtN(CONTACTS)}`, async (side) => {
    const res = await ev('deepNext', { side, db: bigDb, k: DEEP_TIMED, pageSize: PAGE_SIZE });
    if (res.items !== DEEP_TIMED * PAGE_SIZE) throw new Error(`${side}: pages ${res.from}-${res.to} held ${res.items} contacts`);
    deepSeen[side].push(...res.firstIds);
    return res.ms;
  }, { ops: DEEP_TIMED });
  const deepAgree = JSON.stringify(deepSeen.shim) === JSON.stringify(deepSeen.raw);
  if (!deepAgree) log('WARNING: the shim and the raw baseline returned different records at the same depth');

  // --- heap after paging through everything ----------------------------------------------------
  const gcHeap = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
    return { usedSize, totalSize };
  };
  await ev('closeAll');
  await cdp.send('HeapProfiler.enable');
  const before = await gcHeap();
  const walk = await ev('walkAll', { db: bigDb, pageSize: PAGE_SIZE });
  const { usedSize: afterNoGc } = await cdp.send('Runtime.getHeapUsage');
  const after = await gcHeap();
  await ev('releaseHeld');
  const released = await gcHeap();
  const heap = {
    method: 'CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage (usedSize), page heap',
    walk: `getContacts({pageSize: ${PAGE_SIZE}}) then cursor.next until hasNext() is false; the app keeps the cursor, drops each page`,
    pages: walk.pages,
    contacts_seen: walk.seen,
    walk_ms: Math.round(walk.ms),
    before_mb: MB(before.usedSize),
    after_mb: MB(after.usedSize),
    after_before_gc_mb: MB(afterNoGc),
    after_cursor_released_mb: MB(released.usedSize),
    growth_mb: MB(after.usedSize - before.usedSize),
  };
  log(`heap: before ${heap.before_mb} MB, after paging ${fmtN(walk.seen)} contacts in ${fmtN(walk.pages)} pages ${heap.after_mb} MB (${heap.after_before_gc_mb} MB before GC), cursor released ${heap.after_cursor_released_mb} MB`);
  if (walk.seen !== CONTACTS) log(`WARNING: the walk saw ${walk.seen} contacts, expected ${CONTACTS}`);
  await ev('deleteDb', { db: bigDb });

  // --- targets --------------------------------------------------------------------------------
  const targets = {};
  const rows = [];
  const target = (s, key, text, value, limit, kind = 'max') => {
    const ok = kind === 'max' ? value <= limit : value >= limit;
    targets[key] = { scenario: s.name, metric: text, value: round3(value), [kind]: limit, ok };
    return { text: `${text} ${kind === 'max' ? '≤' : '≥'} ${limit} (${round3(value)})`, ok };
  };
  for (const s of scenarios) {
    let t = { text: '(reference)', ok: null };
    if (/^(postActivity|get\w+ById)/.test(s.name)) t = target(s, s.name.split(' ×')[0], 'shim/raw', s.ratio, 1.3);
    else if (s === rec100k) t = target(s, 'reconcileContact 100,000 vs 100', `shim@${fmtN(CONTACTS)} / shim@${SMALL}`, s.shim_ms / rec100.shim_ms, 1.5);
    else if (s === deep) t = target(s, 'deep page vs first page', 'shim deep / shim first', s.shim_ms / first.shim_ms, 1.5);
    else if (s === filtered) t = target(s, 'filtered page vs first page', 'shim label / shim first', s.shim_ms / first.shim_ms, 1.5);
    else if (s === seed) t = target(s, 'seed throughput', 'raw_ms/shim_ms', s.raw_ms / s.shim_ms, 0.7, 'min');
    rows.push([s.name, s.shim_ms, s.raw_ms, s.ratio, t.text, t.ok === null ? '' : t.ok ? 'ok' : 'MISSED']);
  }

  const header = ['name', 'shim_ms', 'raw_ms', 'ratio', 'target', 'ok'];
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(3) : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(`\nwix-hive-shim benchmark: ${chromiumVersion}, ${ROUNDS} alternating rounds, median; ms per operation (seed: ms per whole seed)\n`);
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
  console.log(`\nheap: ${heap.before_mb} MB before, ${heap.after_mb} MB after paging all ${fmtN(walk.seen)} contacts (${fmtN(walk.pages)} pages of ${PAGE_SIZE}, cursor held; ${heap.after_before_gc_mb} MB before GC), ${heap.after_cursor_released_mb} MB after releasing the cursor`);
  console.log(`seed throughput: shim ${fmtN(extra.seedContactsPerSecond.shim)} contacts/s, raw ${fmtN(extra.seedContactsPerSecond.raw)} contacts/s`);
  const missed = Object.values(targets).filter((t) => !t.ok);
  console.log(`${missed.length ? `${missed.length} target(s) missed: ${missed.map((t) => t.scenario).join('; ')}` : 'all targets met'} (reported, not enforced); ran in ${elapsed()}`);

  const result = {
    scenarios,
    targets,
    heap,
    chromium: chromiumVersion,
    date: new Date().toISOString(),
    config: { rounds: ROUNDS, calls: CALLS, contacts: CONTACTS, small: SMALL, pageSize: PAGE_SIZE, depth: DEPTH, deepTimedPerRound: DEEP_TIMED, reconciles: RECONCILES, firstPageReps: FIRST_PAGE_REPS, label: LABEL },
    checks: { layoutMatchesShim: layoutSame, deepPagesAgree: deepAgree },
    seedContactsPerSecond: extra.seedContactsPerSecond,
    runSeconds: Math.round((Date.now() - started) / 1000),
  };
  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  await writeFile(`${resultsFile}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
  await rename(`${resultsFile}.tmp`, resultsFile);
  log(`wrote ${resultsFile.slice(root.length + 1)}`);
  return result;
}

// A watchdog: a hung browser must not hang CI.
const watchdog = setTimeout(() => { log('the bench took over 20 minutes: giving up'); process.exit(2); }, 20 * 60_000);
watchdog.unref();

main().then(
  () => process.exit(0),
  (error) => { log('the bench could not run:', error?.stack ?? error); process.exit(1); },
);
