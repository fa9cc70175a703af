/**
 * Wix.js 1.90.0's own type tests, reproduced because its argument checks depend on their quirks:
 * `isObject` is `typeof x === 'object'` (so `null` and arrays pass), `isNumber` accepts NaN and
 * `new Number()`, `isPercent` wants a string like `'50%'`.
 */
const tag = (v: unknown) => Object.prototype.toString.call(v);
export const isStr = (v: unknown): v is string => typeof v === 'string';
export const isFn = (v: unknown): v is (...args: any[]) => any => typeof v === 'function';
export const isObj = (v: unknown): v is any => typeof v === 'object';
export const isNum = (v: unknown): v is number => tag(v) === '[object Number]';
export const isBool = (v: unknown): v is boolean => v === true || v === false || tag(v) === '[object Boolean]';
export const isArray = (v: unknown): v is any[] => Array.isArray(v);
export const isPercent = (v: unknown): boolean => tag(v) === '[object String]' && /^[0-9]+%$/.test(v as string);
export const has = (o: any, key: string): boolean => Boolean(o) && isObj(o) && Object.prototype.hasOwnProperty.call(o, key);
export const hasValue = (o: any, key: string): boolean => has(o, key) && o[key] != null;
/** Whether `value` is one of the table's values (the SDK's check for `MediaType`). */
export const isValueOf = (table: object, value: unknown): boolean => Object.values(table).includes(value);
