// Three outputs: the ESM entry (for bundlers and Node; the package has no dependencies), its bundled
// types, and the self-contained minified script-tag file named by package.json's unpkg field.
import { readFileSync } from 'node:fs';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const version = () => ({
  name: 'version',
  transform: (code) => (code.includes('__VERSION__') ? code.replaceAll('__VERSION__', JSON.stringify(pkg.version)) : null),
});
const ts = () => typescript({ tsconfig: './tsconfig.build.json', outputToFilesystem: false });
// The script tag bundles idb; the ESM entry leaves it external (a dependency). Superseded by a
// node-resolve plugin on the script-tag build once the zod branch brings one: then drop this.
const bundleIdb = () => ({ name: 'bundle-idb', resolveId: (id) => (id === 'idb' ? new URL('./node_modules/idb/build/index.js', import.meta.url).pathname : null) });

export default [
  {
    input: 'src/index.ts',
    output: { file: pkg.exports['.'].import, format: 'es', sourcemap: true },
    plugins: [version(), ts()],
  },
  {
    input: 'src/index.ts',
    output: { file: pkg.exports['.'].types, format: 'es' },
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  },
  {
    input: 'src/global.ts',
    output: { file: pkg.unpkg, format: 'iife', sourcemap: true },
    plugins: [version(), bundleIdb(), ts(), terser({ ecma: 2020, module: false, compress: { passes: 2 } })],
  },
];
