// `npm run size`: min and gzip (-9) sizes of the script-tag file and of the ESM entries, and the
// script tag against package.json's `sizeBudget`:
// - `scriptTagGzip` is SPEC §1's budget, 32,768 bytes (zod, idb and the whole Wix.js surface
//   included). With the HTTP handler and the whole surface the file is over it
//   (docs/decisions/0025-script-tag-size-after-integration.md): it is reported on every run, and
//   `--budget` makes it fatal.
// - `scriptTagGzipCeiling` is what the file may not grow past meanwhile. `--check` (run by
//   `npm run build`, so by CI) exits 1 above it: lower it when the file shrinks, and never raise it
//   without a decision that says what the bytes bought.
// `--quiet` prints only a failure. The ESM entries keep zod and idb external, so their figures are
// the shim's own code (docs/decisions/0008-bundle-size.md).
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
const { scriptTagGzip: budget, scriptTagGzipCeiling: ceiling } = pkg.sizeBudget;
const against = (label, limit) => {
  const over = gzip - limit;
  log(`${label}: script tag ≤ ${limit} bytes gzip — ${over > 0 ? `over by ${over} bytes` : `within, ${-over} bytes to spare`}`);
  return over > 0;
};
const overBudget = against('budget (SPEC §1)', budget);
const overCeiling = ceiling ? against('ceiling (enforced)', ceiling) : overBudget;
const failCeiling = overCeiling && process.argv.includes('--check');
if (failCeiling || (overBudget && process.argv.includes('--budget'))) {
  const limit = failCeiling ? `its ceiling of ${ceiling ?? budget}` : `SPEC §1's budget of ${budget}`;
  console.error(`[size] Failed the size check: the script tag is ${gzip} bytes gzip, over ${limit}. Make it smaller (docs/decisions/0025 lists where the bytes go), or record why it grew in docs/decisions/ and raise the ceiling in package.json.`);
  process.exit(1);
}
