/**
 * The script-tag entry: defines `window.WixShim` (the default instance's controls, `createShim`,
 * the version) and `window.Wix`, unless the page already has a `Wix` (the real SDK, or another
 * copy): that one is left alone.
 */
import { createShim } from './shim/create-shim';
import { WixDataCursor } from './wix/cursor';

declare const __VERSION__: string;

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
