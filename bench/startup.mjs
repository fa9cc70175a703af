// The start-up row of `npm run bench`: how long the script tag takes to evaluate, beside the real
// Wix.js 1.90.0 (`wix-sdk`, a devDependency) in the same browser and run. Each sample is a fresh
// page that fetches the file, then times appending it as an inline script (compile + evaluate,
// synchronous); a random trailing comment keeps V8 from reusing an earlier compile. Sides alternate
// sample by sample; the figure is the median. Schemas are built on first use, so none is in it.
//
// Standalone: `node bench/startup.mjs` (BENCH_DIST=<dir> measures another build, e.g. main's).
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const WIX_JS = join(root, 'node_modules', 'wix-sdk', 'lib', 'wix.min.js');

/** The median of a list of numbers (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** `{shim_ms, wix_ms, ratio, samples: {shim, wix}}`: medians of `samples` evaluations each. */
export async function measureStartup({ context, distDir, samples = 7 }) {
  const files = { '/shim.js': join(distDir, 'wix-hive-shim.min.js'), '/wix.js': WIX_JS };
  const server = createServer((req, res) => {
    const file = files[req.url];
    if (!file) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>start-up</title>');
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  const out = { shim: [], wix: [] };
  try {
    for (let i = 0; i < samples; i++) {
      for (const side of i % 2 ? ['wix', 'shim'] : ['shim', 'wix']) {
        const page = await context.newPage();
        await page.goto(`${base}/`);
        const ms = await page.evaluate(async (src) => {
          const text = await (await fetch(src)).text();
          const script = document.createElement('script');
          script.textContent = `${text}\n//# ${Math.random()}`;
          const t0 = performance.now();
          document.head.appendChild(script);
          return performance.now() - t0;
        }, side === 'shim' ? '/shim.js' : '/wix.js');
        await page.close();
        out[side].push(Math.round(ms * 1000) / 1000);
      }
    }
  } finally {
    server.close();
  }
  const shim = median(out.shim);
  const wix = median(out.wix);
  return { shim_ms: shim, wix_ms: wix, ratio: Math.round((shim / wix) * 1000) / 1000, samples: out };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const distDir = resolve(process.env.BENCH_DIST ?? join(root, 'dist'));
    const r = await measureStartup({ context: await browser.newContext(), distDir, samples: Number(process.env.BENCH_STARTUP_SAMPLES ?? 7) });
    console.log(`script tag evaluation: ${r.shim_ms} ms; real Wix.js: ${r.wix_ms} ms; ratio ${r.ratio} (${distDir})`);
    console.log(JSON.stringify(r.samples));
  } finally {
    await browser.close();
  }
}
