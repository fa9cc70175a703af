// `npm run size`: min and gzip (-9) sizes of the script-tag file and of the ESM entries, and the
// script tag against SPEC §1's budget, package.json's `sizeBudget.scriptTagGzip` (32,768 bytes:
// zod, idb and the whole Wix.js surface included). `--check` (run by `npm run build`, so by CI)
// exits 1 above it; `--quiet` prints only a failure. The ESM entries keep zod and idb external, so
// their figures are the shim's own code (docs/decisions/0008-bundle-size.md).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const files = { 'script tag': pkg.unpkg, 'ESM entry': pkg.exports['.'].import, 'ESM schemas': pkg.exports['./schemas'].import };
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const quiet = process.argv.includes('--quiet');
const log = (line) => quiet || console.log(line);
const sizes = {};
for (const [name, path] of Object.entries(files)) {
  const code = readFileSync(new URL(`../${path}`, import.meta.url));
  sizes[name] = { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  log(`${name.padEnd(11)} ${path.padEnd(28)} ${kb(sizes[name].min).padStart(10)} min ${kb(sizes[name].gzip).padStart(10)} gzip (${sizes[name].gzip} bytes)`);
}
const gzip = sizes['script tag'].gzip;
const budget = pkg.sizeBudget.scriptTagGzip;
const over = gzip - budget;
log(`budget (SPEC §1): script tag ≤ ${budget} bytes gzip — ${over > 0 ? `over by ${over} bytes` : `within, ${-over} bytes to spare`}`);
if (over > 0 && process.argv.includes('--check')) {
  console.error(`[size] Failed the size check: the script tag is ${gzip} bytes gzip, over SPEC §1's budget of ${budget}. Make it smaller: see docs/decisions/0008-bundle-size.md for where the bytes go.`);
  process.exit(1);
}
