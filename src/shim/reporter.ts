/** Console warnings and the inspectable failure log of one instance. */
import type { Reporter } from '../wix/calling';

export interface LogEntry {
  /** Epoch milliseconds. */
  at: number;
  message: string;
}

const PREFIX = '[wix-hive-shim]';
const LOG_LIMIT = 100;

export interface InstanceReporter extends Reporter {
  /** The last 100 warnings, oldest first. */
  log(): LogEntry[];
  setQuiet(quiet: boolean): void;
  info(message: string): void;
}

export function createReporter(quiet: boolean, now: () => number): InstanceReporter {
  const entries: LogEntry[] = [];
  const record = (message: string) => {
    entries.push({ at: now(), message });
    if (entries.length > LOG_LIMIT) entries.shift();
  };
  return {
    warn(message) {
      record(message);
      if (!quiet) console.warn(`${PREFIX} ${message}`);
    },
    info(message) {
      record(message);
      if (!quiet) console.info(`${PREFIX} ${message}`);
    },
    callbackThrew(method, error) {
      record(`${method}: your callback threw: ${String(error)}`);
      // Shown even when quiet: it is a bug in the caller's code, not an expected failure.
      console.error(`${PREFIX} Your ${method} callback threw; the shim carried on. Fix the callback:`, error);
    },
    log: () => entries.slice(),
    setQuiet(q) {
      quiet = q;
    },
  };
}
