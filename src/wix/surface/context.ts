/** What every namespace of the surface shares. */
import type { HiveStore } from '../../storage/hive-store';
import type { Bridge } from './bridge';
import type { Site } from './site';

export interface SurfaceContext {
  b: Bridge;
  /** The SDK's `getViewMode()`: the URL's `viewMode`, else the option; `EDIT_MODE_CHANGE` updates it. */
  viewMode(): string;
  /** `compId` of this frame (URL, else option). */
  compId(): string | null;
  site: Site;
  store: HiveStore;
}

/** `Invalid view mode…` messages of the SDK, by what they allow. */
export const NOT_IN_EDITOR = 'Invalid view mode. This function cannot be called in editor mode. Supported view modes are: [preview, site]';
export const SITE_ONLY = 'Invalid view mode. This function cannot be called in editor/preview mode. Supported view mode is: [site]';
export const EDITOR_ONLY = 'Invalid view mode. This function can be called only in editor mode.';
