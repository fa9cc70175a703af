/** What a route of the HTTP API receives, and its table entry. */
import type { ShimContext } from '../shim/context';

export interface Call {
  ctx: ShimContext;
  /** The path after `/v1`, e.g. `/contacts/abc/email`. */
  path: string;
  /** The path's capture groups, percent-decoded. */
  m: string[];
  params: URLSearchParams;
  /** The JSON body; a 400 when it is not JSON. */
  body: () => Promise<unknown>;
}

/** `[method, path pattern, handler, versions other than 1.0.0 it accepts]`; the handler's value is the 200 body. */
export type Route = [method: string, path: RegExp, handle: (call: Call) => Promise<unknown>, version?: RegExp];
