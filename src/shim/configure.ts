/** Simulated network latency and injected faults, so apps can test loading and error states. */
import { ShimFailure, type WixErrorCode } from '../core/errors';
import { printable, quote, QUOTE_LIMIT } from '../core/quote';
import { configureSchemas, FAULT_METHODS, WIX_ERROR_CODES } from '../core/option-schemas';

/** Milliseconds; a `[min, max]` range; or `'real'`: 100–400 ms, like the real host round trip. */
export type Latency = number | [min: number, max: number] | 'real';

/** The methods faults can be injected into. */
export type FaultMethod =
  | 'postActivity' | 'getActivities' | 'getActivityById'
  | 'getContacts' | 'getContactById' | 'reconcileContact';

/** A fault: the `Wix.Error` to fail with, every time, or only on the next call (`once`). */
export type Fault = WixErrorCode | { error: WixErrorCode; once?: boolean };

export interface ConfigureOptions {
  latency?: Latency;
  /** Per method; `null` removes a fault. */
  faults?: Partial<Record<FaultMethod, Fault | null>>;
  /** Silences the console warnings. */
  quiet?: boolean;
}

const CODES: readonly string[] = WIX_ERROR_CODES;
const METHODS: readonly string[] = FAULT_METHODS;

function latencyRange(latency: Latency): [number, number] {
  if (latency === 'real') return [100, 400];
  // `null`, an object, `[1, 2, 3]` or a reversed range: the message below, never a bare TypeError.
  if (!configureSchemas().latency.safeParse(latency).success) {
    throw new TypeError(`[wix-hive-shim] Failed to configure: latency ${Array.isArray(latency) ? `[${latency.map((v) => quote(v)).join(', ')}]` : quote(latency)} is invalid. Use milliseconds, [min, max] or 'real'`);
  }
  return typeof latency === 'number' ? [latency, latency] : [latency[0], latency[1]];
}

export interface Simulation {
  configure(options: ConfigureOptions): void;
  delay(): Promise<void>;
  /** Throws the fault configured for a method (given as `Wix.Contacts.reconcileContact` or `reconcileContact`). */
  fault(method: string): void;
}

export function createSimulation(): Simulation {
  let range: [number, number] = [0, 0];
  const faults = new Map<string, { error: WixErrorCode; once: boolean }>();
  return {
    configure(options) {
      // Validate everything first, so a bad option changes nothing.
      const next = options.latency !== undefined ? latencyRange(options.latency) : range;
      const updates: Array<[string, { error: WixErrorCode; once: boolean } | null]> = [];
      for (const [method, fault] of Object.entries(options.faults ?? {})) {
        if (!configureSchemas().faultMethod.safeParse(method).success) throw new TypeError(`[wix-hive-shim] Failed to configure: no method '${printable(method, QUOTE_LIMIT)}' takes faults. Use one of ${METHODS.join(', ')}`);
        if (fault === null || fault === undefined) { updates.push([method, null]); continue; }
        const f = typeof fault === 'string' ? { error: fault, once: false } : { error: fault.error, once: !!fault.once };
        if (!configureSchemas().faultCode.safeParse(f.error).success) throw new TypeError(`[wix-hive-shim] Failed to configure: fault '${printable(f.error, QUOTE_LIMIT)}' is not a Wix.Error. Use one of ${CODES.join(', ')}`);
        updates.push([method, f]);
      }
      range = next;
      for (const [method, f] of updates) {
        if (f) faults.set(method, f); else faults.delete(method);
      }
    },
    delay() {
      const [min, max] = range;
      if (max === 0) return Promise.resolve();
      return new Promise((ok) => setTimeout(ok, min + Math.random() * (max - min)));
    },
    fault(method) {
      const name = method.slice(method.lastIndexOf('.') + 1);
      const f = faults.get(name);
      if (!f) return;
      if (f.once) faults.delete(name);
      throw new ShimFailure(f.error, `Injected fault: ${name} fails with ${f.error} (configure({faults: {${name}: null}}) removes it)`);
    },
  };
}
