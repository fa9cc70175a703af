/**
 * A `Request`-shaped view of a buffered Node request, for `handleHiveRequest`.
 *
 * Why not `new Request(…)`: on Node 20 each one builds an AbortSignal (made transferable) and a
 * body stream; profiling `serve` under `bench:serve` put that near a fifth of a GET by id. This
 * view answers what a fetch handler reads (method, url, headers, text/json/arrayBuffer, bodyUsed)
 * and builds a real Request only if something asks for more (`toRequest()`, `clone()`, `signal`).
 * Remove it when undici's Request gets cheap (Node ≥ 22 is faster; measure with bench:serve).
 */
export class IncomingRequest {
  private headers_: Headers | undefined;
  private pairs: Array<[string, string]> | undefined;
  private used = false;

  /** @param headerPairs read only if something asks for the headers (the API handler does not). */
  constructor(
    readonly method: string,
    readonly url: string,
    private readonly headerPairs: () => Array<[string, string]>,
    private readonly body_: Buffer,
  ) {}

  private get rawHeaders(): Array<[string, string]> {
    this.pairs ??= this.headerPairs();
    return this.pairs;
  }

  get headers(): Headers {
    this.headers_ ??= new Headers(this.rawHeaders);
    return this.headers_;
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  private take(): Buffer {
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    return this.body_;
  }

  async text(): Promise<string> {
    return this.take().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.take();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }

  /** The same request as a real WHATWG Request. */
  toRequest(): Request {
    const init: RequestInit = { method: this.method, headers: this.rawHeaders };
    if (this.method !== 'GET' && this.method !== 'HEAD' && this.body_.length) init.body = new Uint8Array(this.body_);
    return new Request(this.url, init);
  }

  clone(): Request {
    return this.toRequest();
  }

  get signal(): AbortSignal {
    return new AbortController().signal;
  }
}
