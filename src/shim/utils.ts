/** A small `Wix.Utils` for widget code: the values a Wix host would have given the iframe. */
import type { ViewMode } from './context';

export interface UtilsOptions {
  viewMode: ViewMode;
  instanceId: string;
  compId: string;
  locale: string;
  deviceType: 'desktop' | 'mobile';
}

export interface WixUtils {
  /** `'site'`, `'editor'`, `'preview'` or `'standalone'`. */
  getViewMode(): ViewMode;
  getInstanceId(): string;
  getCompId(): string;
  getLocale(): string;
  getDeviceType(): 'desktop' | 'mobile';
}

export function createUtils(o: UtilsOptions): WixUtils {
  return {
    getViewMode: () => o.viewMode,
    getInstanceId: () => o.instanceId,
    getCompId: () => o.compId,
    getLocale: () => o.locale,
    getDeviceType: () => o.deviceType,
  };
}
