/**
 * The script-tag entry: defines `window.WixShim` (the default instance's controls, `createShim`,
 * the version) and `window.Wix`, unless the page already has a `Wix` (the real SDK, or another
 * copy): that one is left alone.
 */
import { config as zodConfig } from 'zod/mini';
import { createShim } from './shim/create-shim';
import { WixDataCursor } from './wix/cursor';

declare const __VERSION__: string;

// This file's own copy of zod never compiles parsers with `new Function`: under a strict CSP even
// zod's probe for it is reported as a violation. Set before any schema is built (all are built on
// first use). The ESM build leaves the app's zod configuration alone.
zodConfig({ jitless: true });

const g = globalThis as unknown as { Wix?: unknown; WixShim?: unknown };
const shim = createShim();

g.WixShim = Object.assign(Object.create(null) as object, shim, {
  createShim,
  WixDataCursor,
  version: __VERSION__,
  /** True when this script defined `window.Wix`; false when the page already had one. */
  ownsWix: g.Wix === undefined,
});
if (g.Wix === undefined) g.Wix = shim.Wix;
