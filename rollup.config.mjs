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
    plugins: [version(), ts(), terser({ ecma: 2020, module: false, compress: { passes: 2 } })],
  },
  {
    // The `wix-hive-shim` executable (package.json bin): Node only, its dependencies left external.
    input: 'src/cli/main.ts',
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node' },
    external: (id) => id.startsWith('node:') || /^(zod|idb)(\/|$)/.test(id),
    plugins: [version(), typescript({ tsconfig: './tsconfig.cli.json', outputToFilesystem: false })],
  },
];
