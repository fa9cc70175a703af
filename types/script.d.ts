/**
 * Types of `wix-hive-shim/script`, the script-tag file: the globals it defines. A bundled app gets
 * them from `import 'wix-hive-shim/script'`; a page that loads the file with a script tag and
 * checks its own code with TypeScript adds `/// <reference types="wix-hive-shim/script" />`.
 */
import type { createShim, Shim, WixDataCursor, WixNamespace } from '../dist/index.js';

/** `window.WixShim`: the default instance's controls and `Wix`, plus `createShim` and the version. */
export type WixShimGlobal = Shim & {
  createShim: typeof createShim;
  WixDataCursor: typeof WixDataCursor;
  /** The package version. */
  version: string;
  /** True when this script defined `window.Wix`; false when the page already had one. */
  ownsWix: boolean;
};

declare global {
  /** The default instance's namespace; the page's own `Wix` instead, if it had one first. */
  var Wix: WixNamespace;
  var WixShim: WixShimGlobal;
}
