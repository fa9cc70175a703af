/** What every facade method of one instance shares. */
import type { IdFactory } from '../core/ids';
import type { HiveStore } from '../storage/hive-store';
import type { Reporter } from '../wix/calling';

export type ViewMode = 'site' | 'editor' | 'preview' | 'standalone';

export interface ShimContext {
  store: HiveStore;
  reporter: Reporter;
  /** Resolves after the configured latency; at once by default. */
  delay: () => Promise<void>;
  /** Throws the configured injected fault for a method, if any (see configure()). */
  fault: (method: string) => void;
  /** The visitor session of this page. */
  session: string;
  viewMode: () => ViewMode;
  now: () => number;
  newId: IdFactory;
  /** The page the activity happened on. */
  locationUrl: () => string;
}
