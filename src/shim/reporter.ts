/** Console warnings and the inspectable failure log of one instance. */
import { printable } from '../core/quote';
import type { Reporter } from '../wix/calling';

export interface LogEntry {
  /** Epoch milliseconds. */
  at: number;
  message: string;
}

const PREFIX = '[wix-hive-shim]';
const LOG_LIMIT = 100;
/** A message longer than this is cut: values are quoted briefly at the source, this is the backstop. */
const MESSAGE_LIMIT = 1_000;

/**
 * Calls the console, ignoring a console that throws (test setups often make warnings throw):
 * reporting must never replace the failure it reports, nor swallow the callback after it.
 */
function tell(method: 'warn' | 'info' | 'error', ...args: unknown[]): void {
  try {
    console[method](...args);
  } catch { /* the warning is in log() all the same */ }
}

export interface InstanceReporter extends Reporter {
  /** The last 100 warnings, oldest first. */
  log(): LogEntry[];
  setQuiet(quiet: boolean): void;
  info(message: string): void;
}

export function createReporter(quiet: boolean, now: () => number): InstanceReporter {
  const entries: LogEntry[] = [];
  const record = (text: string) => {
    const message = printable(text, MESSAGE_LIMIT);
    entries.push({ at: now(), message });
    if (entries.length > LOG_LIMIT) entries.shift();
    return message;
  };
  return {
    warn(message) {
      const kept = record(message);
      if (!quiet) tell('warn', `${PREFIX} ${kept}`);
    },
    info(message) {
      const kept = record(message);
      if (!quiet) tell('info', `${PREFIX} ${kept}`);
    },
    callbackThrew(method, error) {
      record(`${method}: your callback threw: ${printable(error)}`);
      // Shown even when quiet: it is a bug in the caller's code, not an expected failure.
      tell('error', `${PREFIX} Your ${method} callback threw; the shim carried on. Fix the callback:`, error);
    },
    log: () => entries.slice(),
    setQuiet(q) {
      quiet = q;
    },
  };
}
