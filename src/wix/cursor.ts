import { SdkMessage } from '../core/errors';
import { sdkArgumentError } from './calling';

/**
 * `WixDataCursor`: what `getContacts` and `getActivities` hand to `onSuccess` (facts §5, SPEC §2.4).
 * `next`/`previous` move this same cursor and pass the new page's array, as the SDK did; with no
 * page that way they call `onSuccess([])` synchronously, the SDK's one synchronous callback.
 */

/** Loads the page after (`forward`) or before the current one. Internal to the shim. */
export interface CursorPager<T> {
  load(forward: boolean, onSuccess: (page: T[], more: boolean) => void, onFailure: (error: unknown) => void): void;
  /** A user callback threw: reported, never rethrown into the shim. */
  callbackThrew(error: unknown): void;
}

/** @internal */
const pagers = new WeakMap<WixDataCursor<unknown>, CursorPager<unknown>>();

export class WixDataCursor<T = unknown> {
  private _data: T[];
  private readonly _total: number | undefined;
  private readonly _pageSize: number;
  private _hasNext: boolean;
  private _hasPrevious = false;

  /** @internal Created by `getContacts` and `getActivities`; not meant to be built by apps. */
  constructor(data: T[], total: number | undefined, pageSize: number, hasNext: boolean, pager: CursorPager<T>) {
    this._data = data;
    this._total = total;
    this._pageSize = pageSize;
    this._hasNext = hasNext;
    pagers.set(this as WixDataCursor<unknown>, pager as CursorPager<unknown>);
  }

  /** The current page. */
  getData(): T[] {
    return this._data;
  }

  /**
   * How many records the query matched when the first page was read; never updated. `undefined`
   * for activities, whose real envelope carried no total.
   */
  getTotal(): number | undefined {
    return this._total;
  }

  /** The page size of the first response; never updated. */
  getPageSize(): number {
    return this._pageSize;
  }

  hasNext(): boolean {
    return this._hasNext;
  }

  hasPrevious(): boolean {
    return this._hasPrevious;
  }

  /**
   * Loads the next page into this cursor and passes its array to `onSuccess`.
   * @param onSuccess receives the new page (also `getData()` afterwards); `[]` at once when there is none.
   * @param onFailure receives a `Wix.Error` string when the page cannot be read.
   */
  next(onSuccess: (page: T[]) => void, onFailure?: (error: string) => void): void {
    this.move(true, onSuccess, onFailure);
  }

  /** Mirror of `next`, toward the first page. */
  previous(onSuccess: (page: T[]) => void, onFailure?: (error: string) => void): void {
    this.move(false, onSuccess, onFailure);
  }

  private move(forward: boolean, onSuccess: (page: T[]) => void, onFailure?: (error: string) => void): void {
    // The SDK did not check here and failed later inside its message listener; SPEC §2.1 asks
    // every required callback to be checked up front, with the SDK's own wording.
    if (typeof onSuccess !== 'function') throw sdkArgumentError(SdkMessage.onSuccess);
    const pager = pagers.get(this as WixDataCursor<unknown>) as CursorPager<T>;
    if (!(forward ? this._hasNext : this._hasPrevious)) {
      try { onSuccess([]); } catch (error) { pager.callbackThrew(error); }
      return;
    }
    pager.load(
      forward,
      (page, more) => {
        if (page.length) {
          this._data = page;
          if (forward) { this._hasNext = more; this._hasPrevious = true; }
          else { this._hasPrevious = more; this._hasNext = true; }
        } else if (forward) this._hasNext = false;
        else this._hasPrevious = false;
        onSuccess(page);
      },
      (error) => onFailure?.(error as string),
    );
  }
}
