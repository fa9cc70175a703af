// `npm run bench`: times the shim against a hand-written raw IndexedDB baseline in Debian's
// Chromium (never a downloaded browser), prints a table and writes bench/results/latest.json.
// A missed target is reported, never an error: the exit code is non-zero only when the bench
// itself could not run. See bench/README.md.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { measureStartup, median } from './startup.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const pageDir = join(root, 'bench', 'page');
// BENCH_DIST points at another build of the script (e.g. a patched copy) to compare; default dist/.
const distDir = resolve(process.env.BENCH_DIST ?? join(root, 'dist'));
const resultsFile = resolve(process.env.BENCH_OUT ?? join(root, 'bench', 'results', 'latest.json'));

// Sizes; the environment may shrink them for a quick look (the committed results use the defaults).
const env = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const ROUNDS = env('BENCH_ROUNDS', 3);
const SEED_ROUNDS = env('BENCH_SEED_ROUNDS', 2); // shim, raw | raw, shim: 4 seeds of 100,000
const CALLS = env('BENCH_CALLS', 1000);
const BLOCK = Math.min(env('BENCH_BLOCK', 100), CALLS); // per-call scenarios alternate sides every BLOCK calls
const CONTACTS = env('BENCH_CONTACTS', 100_000);
const SMALL = 100;
const PAGE_SIZE = 25;
const DEPTH = Math.min(env('BENCH_DEPTH', 4000), Math.floor(CONTACTS / PAGE_SIZE));
const NEXT_BLOCK = 10; // cursor.next calls per block
const NEXT_BLOCKS = 3; // blocks per round and side
const NEXT_PER_ROUND = NEXT_BLOCK * NEXT_BLOCKS;
const RECONCILES = env('BENCH_RECONCILES', 500);
const RECONCILE_BLOCK = Math.min(100, RECONCILES);
const FIRST_PAGE_REPS = env('BENCH_PAGE_REPS', 2); // each one counts all 100,000 contacts
const LABEL_PAGE_REPS = env('BENCH_LABEL_REPS', 20);
const LABEL = 'vip'; // every 100th generated contact: 1%
const WARMUP = 100;
const STARTUP_SAMPLES = env('BENCH_STARTUP_SAMPLES', 7);
// Start-up may not grow more than 20% (issue 10). Before zod came back it was about 18 ms against the
// real Wix.js's 8 ms (issue 10's figures; main's build measured 0.94–2.47× in runs on a loaded
// machine), so the target is the ratio to Wix.js in the same run, ≤ 1.2 × 2.25.
const STARTUP_RATIO_BEFORE = 18 / 8;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (...a) => console.error(`[bench ${elapsed()}]`, ...a);
const fmtN = (n) => n.toLocaleString('en-US');

// --- tiny static servers on 127.0.0.1: /dist/* from the build, everything else from bench/page ---
// Every phase gets its own port, hence its own origin and its own on-disk IndexedDB (Chromium
// keeps one LevelDB per origin), so one phase's deleted databases never slow another's reads.

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };
const servers = [];

function handle(req, res) {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)).replace(/^(\.\.[/\\])+/, '');
  const [base, rel] = path.startsWith('/dist/') ? [distDir, path.slice('/dist/'.length)] : [pageDir, path === '/' ? 'index.html' : path.slice(1)];
  const file = join(base, rel);
  if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
}

function serve() {
  const server = createServer(handle);
  servers.push(server);
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server.address().port));
  });
}

// --- waiting for the browser to go quiet ---------------------------------------------------------
// Chromium compacts its LevelDB in the background after bulk writes and deletes; a timed round
// starts only once this browser's processes have been (nearly) idle for half a second.

function browserPids(userDataDir) {
  const pids = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(userDataDir)) pids.push(d);
    } catch { /* gone */ }
  }
  return pids;
}

function cpuTicks(pids) {
  let t = 0;
  for (const p of pids) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      t += Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks (1/100 s)
    } catch { /* gone */ }
  }
  return t;
}

let settleWaitedMs = 0;
async function settle(userDataDir, maxMs = 20_000) {
  const t0 = Date.now();
  let quiet = 0;
  let prev = cpuTicks(browserPids(userDataDir));
  while (Date.now() - t0 < maxMs) {
    await sleep(250);
    const now = cpuTicks(browserPids(userDataDir));
    quiet = now - prev <= 3 ? quiet + 1 : 0; // ≤ 30 ms of CPU in 250 ms
    prev = now;
    if (quiet >= 2) break;
  }
  settleWaitedMs += Date.now() - t0;
  if (Date.now() - t0 >= maxMs) log(`the browser stayed busy for ${maxMs / 1000} s; going on`);
}

// --- statistics ------------------------------------------------------------------------------

const r3 = (x) => (x === null || x === undefined ? x : Math.round(x * 1000) / 1000);
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
  if (!existsSync(join(distDir, 'wix-hive-shim.min.js'))) throw new Error(`${distDir}/wix-hive-shim.min.js is missing: run \`npm run build\` (npm run bench does)`);
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing: install Debian\'s chromium package (the bench never downloads a browser)');

  const userDataDir = await mkdtemp(join(tmpdir(), 'wix-hive-bench-'));
  log(`profile in ${userDataDir}; script ${join(distDir, 'wix-hive-shim.min.js')}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    return await runAll(context, userDataDir);
  } finally {
    await context.close().catch(() => undefined);
    for (const s of servers) s.close();
    await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function runAll(context, userDataDir) {
  const quiet = () => settle(userDataDir);

  /** A page on a fresh origin, with the bench loaded. */
  async function openPage(label) {
    const port = await serve();
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`${label} page error:`, e.message));
    page.on('console', (m) => { if (m.type() === 'error') log(`${label} console error:`, m.text()); });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
    const ev = (name, arg = {}) => page.evaluate(([n, a]) => window.bench[n](a), [name, arg]);
    return { page, ev, close: async () => { await ev('closeAll').catch(() => undefined); await page.close(); } };
  }

  const first = await openPage('calls');
  const cdp0 = await context.newCDPSession(first.page);
  const { product: chromiumVersion } = await cdp0.send('Browser.getVersion');
  await cdp0.detach();
  log(`browser: ${chromiumVersion}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const load = { start: loadavg().map(r3) };

  const scenarios = [];
  const diagnostics = {};

  /**
   * Times one scenario. Each round runs `setup` on both sides, then `blocks` blocks per side,
   * alternating sides block by block (shim first in even rounds and even blocks, raw first
   * otherwise), so load from outside the bench falls on both sides alike. A round's figure is
   * the mean of its blocks; the scenario's is the median of its rounds.
   */
  async function measure(name, { rounds = ROUNDS, blocks = 1, ops, setup, block, teardown, quietEach = false }) {
    const samples = { shim: [], raw: [] };
    const perBlock = { shim: [], raw: [] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? ['shim', 'raw'] : ['raw', 'shim'];
      const state = {};
      for (const side of order) state[side] = await setup?.(side, r);
      await quiet();
      const sum = { shim: 0, raw: 0 };
      for (let b = 0; b < blocks; b++) {
        for (const side of b % 2 === 0 ? order : [...order].reverse()) {
          if (quietEach) await quiet();
          const ms = await block(side, r, b, state[side]);
          sum[side] += ms;
          perBlock[side].push(r3(ms));
        }
      }
      for (const side of order) samples[side].push(sum[side] / blocks);
      for (const side of order) await teardown?.(side, r, state[side]);
    }
    const s = { name, shim_ms: r3(median(samples.shim)), raw_ms: r3(median(samples.raw)) };
    s.ratio = r3(s.shim_ms / s.raw_ms);
    s.ops = ops;
    s.rounds = { shim: samples.shim.map(r3), raw: samples.raw.map(r3) };
    if (blocks > 1) {
      // Adjacent blocks share the machine's load: the median of their ratios is a load-robust check.
      s.paired_ratio = r3(median(perBlock.shim.map((ms, i) => ms / perBlock.raw[i])));
      s.blocks = perBlock;
    }
    scenarios.push(s);
    log(`${name}: shim ${s.shim_ms} ms, raw ${s.raw_ms} ms, ratio ${s.ratio}${s.paired_ratio ? `, paired ${s.paired_ratio}` : ''} (rounds shim ${s.rounds.shim.join(' / ')}; raw ${s.rounds.raw.join(' / ')})`);
    return s;
  }

  // --- phase 0: start-up, the script tag's evaluation beside the real Wix.js's (bench/startup.mjs) --
  const startupRun = await measureStartup({ context, distDir, samples: STARTUP_SAMPLES });
  const startup = {
    name: `script tag evaluation (start-up) vs real Wix.js, median of ${STARTUP_SAMPLES}`,
    shim_ms: r3(startupRun.shim_ms), raw_ms: r3(startupRun.wix_ms), ratio: startupRun.ratio, ops: 1,
    rounds: { shim: startupRun.samples.shim, raw: startupRun.samples.wix },
  };
  scenarios.push(startup);
  log(`${startup.name}: shim ${startup.shim_ms} ms, Wix.js ${startup.raw_ms} ms, ratio ${startup.ratio}`);

  // --- phase 1: single calls ----------------------------------------------------------------
  {
    const { ev, close } = first;
    // The raw baseline must create exactly the shim's layout.
    await ev('open', { side: 'shim', db: 'layout-shim' });
    await ev('open', { side: 'raw', db: 'layout-raw' });
    const shimLayout = await ev('layout', { db: 'layout-shim' });
    const rawLayout = await ev('layout', { db: 'layout-raw' });
    diagnostics.layoutMatchesShim = JSON.stringify(shimLayout) === JSON.stringify(rawLayout);
    log(diagnostics.layoutMatchesShim ? 'layout: the raw baseline creates exactly the shim\'s stores and indexes' : `layout MISMATCH:\nshim ${JSON.stringify(shimLayout)}\nraw  ${JSON.stringify(rawLayout)}`);
    await ev('deleteDb', { db: 'layout-shim' });
    await ev('deleteDb', { db: 'layout-raw' });

    // Warm both code paths up (JIT, first-use costs) on throwaway databases.
    for (const side of ['shim', 'raw']) {
      for (const withContact of [false, true]) {
        const db = `warm-${side}-${withContact}`;
        await ev('open', { side, db });
        const { ids, contactIds } = await ev('postActivity', { side, db, from: 0, n: WARMUP, withContact, tag: `warm${side}` });
        await ev('getById', { side, db, store: 'activities', ids });
        if (withContact) await ev('getById', { side, db, store: 'contacts', ids: contactIds });
        await ev('deleteDb', { db });
      }
    }
    log('warmed up');

    const blocks = Math.ceil(CALLS / BLOCK);
    const post = (withContact) => ({
      ops: CALLS,
      blocks,
      setup: async (side, r) => {
        const db = `post${withContact ? 'c' : ''}-${side}-${r}`;
        await ev('open', { side, db });
        return { db, ids: [], contactIds: [] };
      },
      block: async (side, r, b, st) => {
        const res = await ev('postActivity', { side, db: st.db, from: b * BLOCK, n: BLOCK, withContact, tag: `c${side}${r}` });
        st.ids.push(...res.ids);
        st.contactIds.push(...res.contactIds);
        return res.ms;
      },
    });
    await measure(`postActivity, no contact ×${fmtN(CALLS)}`, { ...post(false), teardown: (side, r, st) => ev('deleteDb', { db: st.db }) });
    let reads;
    await measure(`postActivity, new contact ×${fmtN(CALLS)}`, {
      ...post(true),
      teardown: async (side, r, st) => {
        if (side === 'shim' && r === 0) reads = st; // both sides then read what the shim wrote
        else await ev('deleteDb', { db: st.db });
      },
    });
    const growth = scenarios.at(-1).blocks;
    diagnostics.postActivityNewContactFirstVsLastBlock = {
      shim: [growth.shim[0], growth.shim[blocks - 1]],
      raw: [growth.raw[0], growth.raw[blocks - 1]],
    };

    const order = shuffled(CALLS);
    for (const [store, label] of [['activities', 'getActivityById'], ['contacts', 'getContactById']]) {
      const ids = order.map((i) => (store === 'contacts' ? reads.contactIds : reads.ids)[i]);
      await ev('getById', { side: 'raw', db: reads.db, store, ids }); // untimed: a warm cache for both
      await measure(`${label} ×${fmtN(CALLS)}`, {
        ops: CALLS,
        blocks,
        block: async (side, r, b) => (await ev('getById', { side, db: reads.db, store, ids: ids.slice(b * BLOCK, (b + 1) * BLOCK) })).ms,
      });
    }
    await close();
  }

  // --- phase 2: reconcile with 100 contacts -------------------------------------------------
  // The same 100 contacts' worth of calls at both sizes: at 100,000 every 1,000th contact, so each
  // matched contact gains the same number of phones (the same row growth) at both sizes.
  const picks = (n) => Array.from({ length: RECONCILES }, (_, i) => ((i * 7919) % SMALL) * Math.floor(n / SMALL));
  const reconcileScenario = (ev, db, n, size) => ({
    ops: RECONCILES,
    blocks: Math.ceil(RECONCILES / RECONCILE_BLOCK),
    block: async (side, r, b) => {
      const indexes = picks(n).slice(b * RECONCILE_BLOCK, (b + 1) * RECONCILE_BLOCK);
      return (await ev('reconcile', { side, db, indexes, from: b * RECONCILE_BLOCK, tag: `${side === 'shim' ? 1 : 2}${size}${r}` })).ms;
    },
  });
  let rec100;
  {
    const { ev, close } = await openPage('small');
    await ev('prepare', { db: 'c100', n: SMALL });
    await ev('reconcile', { side: 'raw', db: 'c100', indexes: picks(SMALL).slice(0, 50), from: 0, tag: '399' }); // warm
    rec100 = await measure(`reconcileContact, existing email, ${SMALL} stored ×${RECONCILES}`, reconcileScenario(ev, 'c100', SMALL, 1));
    await close();
  }

  // --- phase 3: seed 100,000, each into a fresh origin; the first shim seed is kept ----------
  let big;
  const bigDb = 'contacts-100k';
  const seed = await measure(`seed ${fmtN(CONTACTS)} contacts (whole seed)`, {
    rounds: SEED_ROUNDS,
    ops: 1,
    quietEach: true,
    setup: async (side) => {
      const p = await openPage(`seed-${side}`);
      await p.ev('makeFixture', { n: CONTACTS });
      await p.ev('open', { side, db: bigDb });
      return p;
    },
    block: async (side, r, b, p) => (await p.ev('seed', { side, db: bigDb })).ms,
    teardown: async (side, r, p) => {
      await p.ev('dropFixture');
      if (side === 'shim' && !big) big = p;
      else await p.close();
    },
  });
  diagnostics.seedContactsPerSecond = { shim: Math.round(CONTACTS / (seed.shim_ms / 1000)), raw: Math.round(CONTACTS / (seed.raw_ms / 1000)) };

  // --- phase 4: 100,000 contacts (the shim's own seed; both sides read the same database) ----
  const { ev, page } = big;
  const cdp = await context.newCDPSession(page);
  const heapNow = async (gc) => {
    if (gc) for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await cdp.send('HeapProfiler.enable');

  const rec100k = await measure(`reconcileContact, existing email, ${fmtN(CONTACTS)} stored ×${RECONCILES}`, reconcileScenario(ev, bigDb, CONTACTS, 2));

  const firstPage = await measure(`getContacts first page (25, with total) of ${fmtN(CONTACTS)}`, {
    ops: FIRST_PAGE_REPS,
    block: async (side) => {
      const res = await ev('firstPage', { side, db: bigDb, reps: FIRST_PAGE_REPS, pageSize: PAGE_SIZE });
      if (res.total !== CONTACTS) throw new Error(`${side}: total ${res.total}, expected ${CONTACTS}`);
      return res.ms;
    },
  });
  const labelled = Math.ceil(CONTACTS / 100);
  const labelPage = await measure(`getContacts label '${LABEL}' (1% = ${fmtN(labelled)}) first page (25, with total)`, {
    ops: LABEL_PAGE_REPS,
    block: async (side) => {
      const res = await ev('firstPage', { side, db: bigDb, label: LABEL, reps: LABEL_PAGE_REPS, pageSize: PAGE_SIZE });
      if (res.total !== labelled) throw new Error(`${side}: ${LABEL} total ${res.total}, expected ${labelled}`);
      return res.ms;
    },
  });

  // Cursor paging. The shim's cursor visits every page 1…DEPTH, so the heap is read around it:
  // before its first page and after its last, with the app still holding the cursor.
  await ev('closeAll');
  const heapBefore = await heapNow(true);
  for (const side of ['shim', 'raw']) await ev('cursorOpen', { side, db: bigDb, pageSize: PAGE_SIZE });
  const seen = { shim: [], raw: [] };
  const nextScenario = {
    ops: NEXT_PER_ROUND,
    blocks: NEXT_BLOCKS,
    block: async (side) => {
      const res = await ev('cursorNext', { side, db: bigDb, k: NEXT_BLOCK, pageSize: PAGE_SIZE });
      if (res.items !== NEXT_BLOCK * PAGE_SIZE) throw new Error(`${side}: pages ${res.from}-${res.to} held ${res.items} contacts`);
      seen[side].push(...res.firstIds);
      return res.ms;
    },
  };
  const shallow = await measure(`cursor.next, pages 2–${1 + ROUNDS * NEXT_PER_ROUND} (25) of ${fmtN(CONTACTS)}`, nextScenario);
  const walkTo = DEPTH - ROUNDS * NEXT_PER_ROUND;
  for (const side of ['shim', 'raw']) {
    const { ms } = await ev('cursorWalk', { side, db: bigDb, page: walkTo, pageSize: PAGE_SIZE });
    log(`${side}: moved to page ${fmtN(walkTo)} in ${(ms / 1000).toFixed(1)} s${side === 'shim' ? ` (cursor.next, ${(ms / (walkTo - 1 - ROUNDS * NEXT_PER_ROUND)).toFixed(2)} ms/page)` : ' (cursor.advance)'}`);
  }
  const deep = await measure(`cursor.next, pages ${fmtN(walkTo + 1)}–${fmtN(DEPTH)} (25) of ${fmtN(CONTACTS)}`, nextScenario);
  diagnostics.cursorPagesAgree = JSON.stringify(seen.shim) === JSON.stringify(seen.raw);
  if (!diagnostics.cursorPagesAgree) log('WARNING: the shim and the raw baseline returned different records at the same pages');
  const walked = await ev('cursorSummary');
  const heapAfterNoGc = await heapNow(false);
  const heapAfter = await heapNow(true);
  await ev('releaseCursors');
  const heapReleased = await heapNow(true);
  const heap = {
    method: 'CDP HeapProfiler.collectGarbage ×3, then Runtime.getHeapUsage().usedSize of the page',
    walk: `getContacts({pageSize: ${PAGE_SIZE}}) then cursor.next through page ${fmtN(walked.page)}; the app holds the cursor and drops each page`,
    pages: walked.page,
    contacts_seen: walked.seen,
    has_next_after: walked.hasNext,
    before_mb: MB(heapBefore),
    after_mb: MB(heapAfter),
    after_before_gc_mb: MB(heapAfterNoGc),
    after_cursor_released_mb: MB(heapReleased),
    growth_mb: MB(heapAfter - heapBefore),
  };
  log(`heap: ${heap.before_mb} MB before, ${heap.after_mb} MB after paging ${fmtN(walked.seen)} contacts in ${fmtN(walked.page)} pages (${heap.after_before_gc_mb} MB before GC), ${heap.after_cursor_released_mb} MB once the cursor is released`);
  if (walked.seen !== CONTACTS) log(`WARNING: the shim's cursor saw ${walked.seen} contacts, expected ${CONTACTS}`);

  await quiet();
  diagnostics.countAt100k = await ev('countDiagnostics', { db: bigDb, label: LABEL });
  log(`count diagnostics: ${JSON.stringify(diagnostics.countAt100k)}`);
  await big.close();
  load.end = loadavg().map(r3);
  diagnostics.settleWaitSeconds = Math.round(settleWaitedMs / 1000);

  // --- targets --------------------------------------------------------------------------------
  const targets = {};
  const rows = [];
  const target = (s, key, metric, value, limit, kind = 'max') => {
    const ok = kind === 'max' ? value <= limit : value >= limit;
    targets[key] = { scenario: s.name, metric, value: r3(value), [kind]: limit, ok };
    return { text: `${metric} ${kind === 'max' ? '≤' : '≥'} ${limit}: ${value.toFixed(3)}`, ok };
  };
  for (const s of scenarios) {
    let t = { text: '(reference)', ok: null };
    if (s === startup) t = target(s, 'start-up vs real Wix.js', 'shim/Wix.js', s.ratio, r3(STARTUP_RATIO_BEFORE * 1.2));
    else if (/^(postActivity|get\w+ById)/.test(s.name)) t = target(s, s.name.split(' ×')[0], 'shim/raw', s.ratio, 1.3);
    else if (s === rec100k) t = target(s, `reconcileContact ${fmtN(CONTACTS)} vs ${SMALL}`, `shim@${fmtN(CONTACTS)} / shim@${SMALL}`, s.shim_ms / rec100.shim_ms, 1.5);
    else if (s === deep) t = target(s, 'deep page vs first page', 'shim / shim first page', s.shim_ms / firstPage.shim_ms, 1.5);
    else if (s === labelPage) t = target(s, 'label page vs first page', 'shim / shim first page', s.shim_ms / firstPage.shim_ms, 1.5);
    else if (s === seed) t = target(s, 'seed throughput', 'raw_ms / shim_ms', s.raw_ms / s.shim_ms, 0.7, 'min');
    s.target = t.text;
    s.ok = t.ok;
    rows.push([s.name, s.shim_ms, s.raw_ms, s.ratio, t.text, t.ok === null ? '' : t.ok ? 'ok' : 'MISSED']);
  }
  // Issue 10: a first page with its total costs what a next() page costs (kept totals, decision
  // 0016). Derived from two shim rows of this run, so here both time columns are the shim's.
  {
    const name = `getContacts first page with total at ${fmtN(CONTACTS)} ÷ cursor.next page`;
    const t = target({ name }, 'first page with total vs next page', 'shim first page / shim cursor.next', firstPage.shim_ms / shallow.shim_ms, 3);
    scenarios.push({ name, shim_ms: firstPage.shim_ms, next_ms: shallow.shim_ms, ratio: r3(firstPage.shim_ms / shallow.shim_ms), derived: true, target: t.text, ok: t.ok });
    rows.push([name, firstPage.shim_ms, shallow.shim_ms, firstPage.shim_ms / shallow.shim_ms, t.text, t.ok ? 'ok' : 'MISSED']);
  }
  // Not a target of issue 5, but the honest depth check: a deep next() against a shallow one.
  diagnostics.deepVsShallowNext = r3(deep.shim_ms / shallow.shim_ms);
  // How each side's reconcile time grows from 100 to 100,000 stored: the raw figure is IndexedDB's own.
  diagnostics.reconcileScaling = { shim: r3(rec100k.shim_ms / rec100.shim_ms), raw: r3(rec100k.raw_ms / rec100.raw_ms) };

  const header = ['name', 'shim_ms', 'raw_ms', 'ratio', 'target', 'ok'];
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(3) : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(`\nwix-hive-shim benchmark · ${chromiumVersion} · median of alternating rounds · ms per operation (seed: ms per whole seed)\n`);
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
  console.log(`\nheap: ${heap.before_mb} MB before, ${heap.after_mb} MB after paging all ${fmtN(walked.seen)} contacts (${fmtN(walked.page)} pages of ${PAGE_SIZE}, cursor held; ${heap.after_before_gc_mb} MB before GC), ${heap.after_cursor_released_mb} MB after releasing the cursor`);
  console.log(`seed throughput: shim ${fmtN(diagnostics.seedContactsPerSecond.shim)} contacts/s, raw ${fmtN(diagnostics.seedContactsPerSecond.raw)} contacts/s`);
  console.log(`reconcile ${fmtN(CONTACTS)} / ${SMALL} stored: shim ${diagnostics.reconcileScaling.shim}, raw ${diagnostics.reconcileScaling.raw}; deep next() / shallow next() (shim): ${diagnostics.deepVsShallowNext}`);
  console.log(`load average ${load.start.join(' ')} → ${load.end.join(' ')} (1/5/15 min, ${cpus().length} CPUs); waited ${diagnostics.settleWaitSeconds} s for a quiet browser`);
  const missed = Object.values(targets).filter((t) => !t.ok);
  console.log(`${missed.length ? `${missed.length} target(s) missed: ${missed.map((t) => t.scenario).join('; ')}` : 'all targets met'} (reported, never enforced); ran in ${elapsed()}`);

  const result = {
    scenarios,
    targets,
    heap,
    chromium: chromiumVersion,
    date: new Date().toISOString(),
    runSeconds: Math.round((Date.now() - started) / 1000),
    loadAverage: load,
    config: {
      rounds: ROUNDS, seedRounds: SEED_ROUNDS, calls: CALLS, block: BLOCK, contacts: CONTACTS, small: SMALL, pageSize: PAGE_SIZE,
      depth: DEPTH, nextPerRound: NEXT_PER_ROUND, nextBlock: NEXT_BLOCK, reconciles: RECONCILES, firstPageReps: FIRST_PAGE_REPS, labelPageReps: LABEL_PAGE_REPS, label: LABEL,
    },
    diagnostics,
  };
  await mkdir(join(resultsFile, '..'), { recursive: true });
  await writeFile(`${resultsFile}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
  await rename(`${resultsFile}.tmp`, resultsFile);
  log(`wrote ${resultsFile.startsWith(root) ? resultsFile.slice(root.length + 1) : resultsFile}`);
  return result;
}

// A watchdog: a hung browser must not hang CI.
const watchdog = setTimeout(() => { log('the bench took over 25 minutes: giving up'); process.exit(2); }, 25 * 60_000);
watchdog.unref();

main().then(
  () => process.exit(0),
  (error) => { log('the bench could not run:', error?.stack ?? error); process.exit(1); },
);
