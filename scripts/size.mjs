// `npm run size`: min and gzip sizes of the script-tag file and the ESM entry, against the budget
// in package.json ("sizeBudget", bytes of gzip). `--check` exits 1 when the script tag is over it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const files = { 'script tag': pkg.unpkg, 'ESM entry': pkg.exports['.'].import };
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const sizes = {};
for (const [name, path] of Object.entries(files)) {
  const code = readFileSync(new URL(`../${path}`, import.meta.url));
  sizes[name] = { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  console.log(`${name.padEnd(11)} ${path.padEnd(28)} ${kb(sizes[name].min).padStart(10)} min ${kb(sizes[name].gzip).padStart(10)} gzip`);
}
const budget = pkg.sizeBudget?.scriptTagGzip;
if (budget) {
  const over = sizes['script tag'].gzip - budget;
  console.log(`budget: script tag ≤ ${kb(budget)} gzip — ${over > 0 ? `over by ${kb(over)}` : 'within'}`);
  if (over > 0 && process.argv.includes('--check')) process.exit(1);
}
