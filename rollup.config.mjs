// The ESM entry (for bundlers and Node; its dependencies zod and idb stay external), its bundled
// types, the self-contained minified script-tag file named by package.json's unpkg field (zod and
// idb bundled in), and the `wix-hive-shim/schemas` subpath with its types.
import { readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const version = () => ({
  name: 'version',
  transform: (code) => (code.includes('__VERSION__') ? code.replaceAll('__VERSION__', JSON.stringify(pkg.version)) : null),
});
const ts = () => typescript({ tsconfig: './tsconfig.build.json', outputToFilesystem: false });
// The runtime dependencies: an app that uses zod or idb itself gets one copy of each.
const external = (id) => /^(zod|idb)(\/|$)/.test(id);

export default [
  {
    input: 'src/index.ts',
    external,
    output: { file: pkg.exports['.'].import, format: 'es', sourcemap: true },
    plugins: [version(), ts()],
  },
  {
    input: 'src/index.ts',
    external,
    output: { file: pkg.exports['.'].types, format: 'es' },
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  },
  // wix-hive-shim/host: the host for the real Wix.js, kept out of the script tag (decision 0013).
  {
    input: 'src/host/index.ts',
    external,
    output: { file: pkg.exports['./host'].import, format: 'es', sourcemap: true },
    plugins: [ts()],
  },
  {
    input: 'src/host/index.ts',
    external,
    output: { file: pkg.exports['./host'].types, format: 'es' },
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  },
  // `wix-hive-shim/msw`: a separate entry, so only apps that use MSW import it.
  {
    input: 'src/msw/index.ts',
    external: (id) => /^msw(\/|$)/.test(id) || external(id),
    output: { file: pkg.exports['./msw'].import, format: 'es', sourcemap: true },
    plugins: [ts()],
  },
  {
    input: 'src/msw/index.ts',
    external: (id) => /^msw(\/|$)/.test(id) || external(id),
    output: { file: pkg.exports['./msw'].types, format: 'es' },
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  },
  {
    input: 'src/global.ts',
    output: { file: pkg.unpkg, format: 'iife', sourcemap: true },
    plugins: [version(), nodeResolve({ browser: true }), ts(), terser({ ecma: 2020, module: false, compress: { passes: 3 } })],
  },
  {
    input: 'src/schemas/index.ts',
    external,
    output: { file: pkg.exports['./schemas'].import, format: 'es', sourcemap: true },
    plugins: [ts()],
  },
  {
    input: 'src/schemas/index.ts',
    external,
    output: { file: pkg.exports['./schemas'].types, format: 'es' },
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  },
  {
    // The `wix-hive-shim` executable (package.json bin): Node only, its dependencies left external.
    input: 'src/cli/main.ts',
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node' },
    external: (id) => id.startsWith('node:') || /^(zod|idb)(\/|$)/.test(id),
    plugins: [version(), typescript({ tsconfig: './tsconfig.cli.json', outputToFilesystem: false })],
  },
];
