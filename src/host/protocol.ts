/**
 * The Wix.js 1.90.0 postMessage protocol (facts §3.5), as the host sees it. Messages travel as
 * JSON strings both ways.
 */

/** App → host. */
export interface Tpa2Message {
  intent: 'TPA2';
  callId: number;
  /** The message type, e.g. `postActivity`, `siteInfo`, `heightChanged`. */
  type: string;
  /** `'Activities'`, `'Contacts'`, `'WixDataCursor'`, `'Wix'`, `'Utils'`, `'Settings'`, … or absent. */
  namespace?: string;
  compId?: string;
  deviceType?: string;
  version?: string;
  data?: unknown;
}

/** Host → app: the reply to the call `callId`; the SDK calls its callback with `res` once. */
export interface TpaResponse {
  intent: 'TPA_RESPONSE';
  callId: number;
  res: unknown;
}

/** Host → app: an event for the app's `addEventListener` (and PubSub) callbacks. */
export interface TpaEvent {
  intent: 'addEventListener';
  eventType: string;
  params: unknown;
}

/** Reads an incoming message; anything that is not a TPA2 call (another library's message) is `undefined`. */
export function parseTpa2(data: unknown): Tpa2Message | undefined {
  let message: unknown = data;
  if (typeof data === 'string') {
    try {
      message = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Partial<Tpa2Message>;
  if (m.intent !== 'TPA2' || typeof m.type !== 'string' || typeof m.callId !== 'number') return undefined;
  return m as Tpa2Message;
}

/** A `Wix.Error` string back to the error code the SDK's `getWixError` maps to it (facts §3.2). */
export function errorCodeOf(wixError: unknown): number | string {
  switch (wixError) {
    case 'NOT_FOUND': return 404;
    case 'BAD_REQUEST': return 400;
    case 'INVALID_SCHEMA': return 'INVALID_SCHEMA';
    case 'FORBIDDEN': return 403;
    default: return 500;
  }
}

/** The reply of a data or cursor call that failed: the SDK maps `errorCode` back to the same `Wix.Error`. */
export const errorResponse = (wixError: unknown) => ({ error: { errorCode: errorCodeOf(wixError) } });
