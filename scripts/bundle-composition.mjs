import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
const b = await rollup({ input: 'src/global.ts', plugins: [nodeResolve({ browser: true }), typescript({ tsconfig: './tsconfig.build.json', outputToFilesystem: false })], onwarn: () => {} });
const { output } = await b.generate({ format: 'iife' });
const mods = Object.entries(output[0].modules).map(([k, v]) => [v.renderedLength, k.replace(process.cwd(), '')]).sort((a, b) => b[0] - a[0]);
for (const [n, k] of mods.slice(0, 25)) console.log(n, k);
