/** The shape both `getActivityById` and `getContactById` share: three checked arguments, one read. */
import { SdkMessage, type WixErrorCode } from '../core/errors';
import type { ShimContext } from '../shim/context';
import { check, isFunction, settle } from './calling';

export function getById<T>(
  ctx: ShimContext,
  method: `Wix.${string}.${string}`,
  what: 'activity' | 'contact',
  args: [id: unknown, onSuccess: unknown, onFailure: unknown],
  read: (id: string) => Promise<T>,
): void {
  const [id, onSuccess, onFailure] = args;
  const name = method.slice(method.lastIndexOf('.') + 1);
  const r = ctx.reporter;
  check(typeof id === 'string', SdkMessage.id, r, `${name} needs the ${what} id string as its first argument`);
  check(isFunction(onSuccess), SdkMessage.onSuccess, r, `${name} needs an onSuccess function as its second argument`);
  check(isFunction(onFailure), SdkMessage.onFailure, r, `${name} needs an onFailure function as its third argument`);
  settle<T, WixErrorCode>({
    method, doing: `get the ${what}`, reporter: r, delay: ctx.delay,
    onSuccess: onSuccess as (v: T) => void,
    onFailure: onFailure as (e: WixErrorCode) => void,
    failureValue: (f) => f.code,
    work: async () => { ctx.fault(method); return read(id); },
  });
}
