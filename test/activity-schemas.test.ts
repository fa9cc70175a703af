import { describe, it, expect } from 'vitest';
import { ActivityType, CANONICAL_ACTIVITY_TYPES, canonicalActivityType } from '../src/core/activity-types';
import { validateActivityInfo } from '../src/core/activity-schemas';
import { enumPaths, requiredPaths, validActivityInfo } from './fixtures/activity-examples';

type Key = string | number;
type Json = Record<string, unknown>;

/** `items[0].variants[0].title` → `['items', 0, 'variants', 0, 'title']`. */
const keysOf = (path: string): Key[] =>
  path.split(/\.|(?=\[)/).map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part));

/** A deep copy of `info` with `change` applied to the parent of `path`; fails if the path is absent. */
function edit(info: Json, path: string, change: (parent: Record<Key, unknown>, key: Key) => void, adding = false): Json {
  const copy = structuredClone(info);
  const keys = keysOf(path);
  let parent = copy as Record<Key, unknown>;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<Key, unknown>;
  const last = keys[keys.length - 1]!;
  expect(parent !== null && typeof parent === 'object' && (adding || last in parent), `fixture has no ${path}`).toBe(true);
  change(parent, last);
  return copy;
}
const without = (info: Json, path: string) => edit(info, path, (p, k) => void delete p[k]);
const withValue = (info: Json, path: string, value: unknown) => edit(info, path, (p, k) => void (p[k] = value));
const withAdded = (info: Json, path: string, value: unknown) => edit(info, path, (p, k) => void (p[k] = value), true);

/** Every property path in `value` (array elements are walked into, not listed themselves). */
function propertyPaths(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => propertyPaths(item, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = at ? `${at}.${k}` : k;
    return [path, ...propertyPaths(v, path)];
  });
}
const pathsOf = (info: Json, keep: (v: unknown) => boolean) =>
  propertyPaths(info).filter((p) => keep(keysOf(p).reduce<unknown>((node, k) => (node as Record<Key, unknown>)[k], info)));

const SDK_1_90_TYPES: Array<[string, string]> = [
  ['CONTACT_CONTACT_FORM', 'contact/contact-form'],
  ['SUBSCRIPTION_FORM', 'contact/subscription-form'],
  ['CONTACT_CREATE', 'contacts/create'],
  ['CONVERSION_COMPLETE', 'conversion/complete'],
  ['DOWNLOADS_DOWNLOADED', 'downloads/downloaded'],
  ['EVENTS_EVENT_UPDATE', 'events/event-update'],
  ['ECOMMERCE_CART_ADD', 'e_commerce/cart-add'],
  ['ECOMMERCE_CART_REMOVE', 'e_commerce/cart-remove'],
  ['ECOMMERCE_CART_CHECKOUT', 'e_commerce/cart-checkout'],
  ['ECOMMERCE_CART_ABANDON', 'e_commerce/cart-abandon'],
  ['ECOMMERCE_PURCHASE', 'e_commerce/purchase'],
  ['SEND_MESSAGE', 'messaging/send'],
  ['ALBUM_FAN', 'music/album-fan'],
  ['ALBUM_SHARE', 'music/album-share'],
  ['ALBUM_PLAYED', 'music/album-played'],
  ['TRACK_LYRICS', 'music/track-lyrics'],
  ['TRACK_PLAY', 'music/track-play'],
  ['TRACK_PLAYED', 'music/track-played'],
  ['TRACK_SHARE', 'music/track-share'],
  ['TRACK_SKIP', 'music/track-skip'],
  ['HOTELS_RESERVATION', 'hotels/reservation'],
  ['HOTELS_CANCEL', 'hotels/cancel'],
  ['HOTELS_CONFIRMATION', 'hotels/confirmation'],
  ['HOTELS_PURCHASE', 'hotels/purchase'],
  ['HOTELS_PURCHASE_FAILED', 'hotels/purchase-failed'],
  ['SCHEDULER_CONFIRMATION', 'scheduler/confirmation'],
  ['SCHEDULER_CANCEL', 'scheduler/cancel'],
  ['SCHEDULER_APPOINTMENT', 'scheduler/appointment'],
  ['SHIPPING_SHIPPED', 'shipping/shipped'],
  ['SHIPPING_DELIVERED', 'shipping/delivered'],
  ['SHIPPING_STATUS_CHANGE', 'shipping/status-change'],
  ['SOCIAL_COMMENT', 'social/comment'],
  ['SOCIAL_SHARE_URL', 'social/share-url'],
  ['SOCIAL_TRACK', 'social/track'],
  ['FORM_CONTACT_FORM', 'form/contact-form'],
  ['FORM_SUBSCRIPTION_FORM', 'form/subscription-form'],
  ['FORM_FORM', 'form/form'],
  ['MESSAGE_IM', 'Messaging/im'],
  ['RESTAURANTS_ORDER', 'restaurants/order'],
  ['EVENTS_RSVP', 'events/rsvp'],
];

describe('ActivityType', () => {
  it('has the 40 keys of SDK 1.90.0 in its order, with the values it ships', () => {
    expect(Object.keys(ActivityType)).toHaveLength(40);
    expect(Object.entries(ActivityType)).toEqual(SDK_1_90_TYPES);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(ActivityType)).toBe(true);
    expect(Object.isFrozen(CANONICAL_ACTIVITY_TYPES)).toBe(true);
  });

  it('lists 40 distinct canonical values: the SDK values with messaging/im in lowercase', () => {
    expect(CANONICAL_ACTIVITY_TYPES).toEqual(
      SDK_1_90_TYPES.map(([, value]) => (value === 'Messaging/im' ? 'messaging/im' : value)),
    );
    expect(new Set(CANONICAL_ACTIVITY_TYPES).size).toBe(40);
  });

  it('has a fixture for every canonical type, and none for anything else', () => {
    expect(Object.keys(validActivityInfo).sort()).toEqual([...CANONICAL_ACTIVITY_TYPES].sort());
    expect(Object.keys(requiredPaths).sort()).toEqual([...CANONICAL_ACTIVITY_TYPES].sort());
    expect(Object.keys(enumPaths).sort()).toEqual([...CANONICAL_ACTIVITY_TYPES].sort());
  });
});

describe('canonicalActivityType', () => {
  it('maps every SDK value to its canonical value', () => {
    for (const [, value] of SDK_1_90_TYPES) expect(canonicalActivityType(value), value).toBe(value.toLowerCase());
  });

  it('maps every canonical value to itself', () => {
    for (const type of CANONICAL_ACTIVITY_TYPES) expect(canonicalActivityType(type)).toBe(type);
  });

  it.each([
    ['ecommerce/purchase', 'e_commerce/purchase'],
    ['ecommerce/cart-add', 'e_commerce/cart-add'],
    ['ecommerce/cart-remove', 'e_commerce/cart-remove'],
    ['ecommerce/cart-checkout', 'e_commerce/cart-checkout'],
    ['ecommerce/cart-abandon', 'e_commerce/cart-abandon'],
    ['Messaging/im', 'messaging/im'],
    ['messaging/im', 'messaging/im'],
    ['hotel/cancel', 'hotels/cancel'],
  ])('maps the alias %s to %s', (alias, canonical) => {
    expect(canonicalActivityType(alias)).toBe(canonical);
  });

  it.each([
    'MESSAGING/IM',
    'E_COMMERCE/purchase',
    'ecommerce/unknown',
    'hotel/reservation',
    'auth/login',
    'music/track-skipped',
    ' form/form',
    '',
    'constructor',
    '__proto__',
    42,
    null,
    undefined,
    {},
    ['form/form'],
  ])('knows no type %j', (input) => {
    expect(canonicalActivityType(input)).toBeUndefined();
  });
});

describe.each([...CANONICAL_ACTIVITY_TYPES])('%s info', (type) => {
  const example = validActivityInfo[type]!;
  const required = requiredPaths[type]!;
  const enums = enumPaths[type]!;

  it('accepts the realistic example, without changing it', () => {
    const before = structuredClone(example);
    expect(validateActivityInfo(type, example)).toEqual([]);
    expect(example).toEqual(before);
  });

  it('names each required path that is missing', () => {
    for (const path of required)
      expect(validateActivityInfo(type, without(example, path)), path).toEqual([`info.${path} is missing`]);
  });

  it('names each required path that is null', () => {
    for (const path of required)
      expect(validateActivityInfo(type, withValue(example, path, null)), path).toEqual([`info.${path} is a null`]);
  });

  it('names each enum path with a value outside the enum', () => {
    for (const path of enums) {
      const errors = validateActivityInfo(type, withValue(example, path, 'NOT_A_VALUE'));
      expect(errors, path).toHaveLength(1);
      expect(errors[0], path).toMatch(new RegExp(`^info\\.${path.replace(/[.[\]]/g, '\\$&')} must be one of \\S+$`));
    }
  });

  it('lists every required field of the example: any other field may be deleted or null', () => {
    for (const path of propertyPaths(example).filter((p) => !required.includes(p))) {
      expect(validateActivityInfo(type, without(example, path)), `delete ${path}`).toEqual([]);
      expect(validateActivityInfo(type, withValue(example, path, null)), `null ${path}`).toEqual([]);
    }
  });

  it('lists every enum field of the example', () => {
    const found = pathsOf(example, (v) => typeof v === 'string').filter((path) =>
      validateActivityInfo(type, withValue(example, path, 'NOT_A_VALUE'))[0]?.startsWith(`info.${path} must be one of`),
    );
    expect(found.sort()).toEqual([...enums].sort());
  });

  it('accepts unknown extra keys at the top level and in every nested object', () => {
    let info: Json = { ...structuredClone(example), x_appSpecific: { anything: [1, 'two', null] } };
    for (const path of pathsOf(example, (v) => v !== null && typeof v === 'object' && !Array.isArray(v)))
      info = withAdded(info, `${path}.x_note`, 'kept as sent');
    expect(validateActivityInfo(type, info)).toEqual([]);
  });

  it('rejects an info that is not a plain object', () => {
    expect(validateActivityInfo(type, undefined)).toEqual(['info is missing']);
    expect(validateActivityInfo(type, null)).toEqual(['info is a null']);
    for (const bad of [[], [example], 'info', 42, true, new Date(), new Map()])
      expect(validateActivityInfo(type, bad)).toEqual(['info must be an object']);
  });
});

describe('validateActivityInfo: the seed examples of legacy-sdk-facts §7', () => {
  it('accepts the SDK example for form/contact-form', () => {
    expect(validateActivityInfo('form/contact-form', { subject: 'My Subject', content: { message: 'My Message' } })).toEqual([]);
  });

  it('accepts the SDK 1.6x example for the legacy contact/contact-form', () => {
    const info = {
      fields: [
        { name: 'email', value: 'visitor@example.com' },
        { name: 'message', value: 'Please call me back' },
      ],
    };
    expect(validateActivityInfo('contact/contact-form', info)).toEqual([]);
  });

  it('accepts the docs example for scheduler/cancel', () => {
    const info = {
      appointmentId: '455',
      source: 'GUEST',
      cancelDate: '2013-07-01T08:07:40.802Z',
      refund: { kind: 'FULL', total: 100, currency: 'USD' },
      title: 'Appointment title',
      description: 'Appointment description',
      infoLink: 'http://www.wix.com',
      price: { price: 100, formattedPrice: 'Price', currency: 'USD' },
      location: { address: '500 Terry Francois St', city: 'San Francisco', region: 'CA', postalCode: '94158', country: 'US', url: 'http://www.wix.com' },
      time: { start: '2013-07-02T08:00:00Z', end: '2013-07-02T09:00:00Z', timezone: 'US Eastern Standard Time' },
      attendees: [{ contactId: '1234', name: { first: 'John', last: 'Doe' }, phone: '555-1234', email: 'john@example.com', notes: 'none', self: true }],
    };
    expect(validateActivityInfo('scheduler/cancel', info)).toEqual([]);
  });

  it.each(['CHAT', 'chat', 'SMS', 'sms'])('accepts the docs example for messaging/im with type %s', (imType) => {
    const info = {
      type: imType,
      content: [
        {
          direction: 'CUSTOMER_TO_BUSINESS',
          time: '2016-09-15T15:53:00',
          message: 'Hi, I have a question',
          media: [{ name: 'photo', contentType: 'image/png', url: 'http://www.example.com/photo.png' }],
        },
      ],
    };
    expect(validateActivityInfo('messaging/im', info)).toEqual([]);
    expect(validateActivityInfo('Messaging/im', info)).toEqual([]);
  });

  it('rejects other casings of the messaging/im type', () => {
    expect(validateActivityInfo('messaging/im', { type: 'Chat' })).toEqual(['info.type must be one of CHAT|SMS|chat|sms']);
  });

  it('accepts the music/album-fan info recorded in 2014 traffic', () => {
    expect(validateActivityInfo('music/album-fan', { album: { name: 'Wix', id: '1234' } })).toEqual([]);
  });
});

describe('validateActivityInfo: both published variants', () => {
  const itemInfo = { itemUrl: 'https://blog.example.com/posts/sourdough', itemThumbnail: 'https://static.example.com/sourdough.jpg', itemId: 'p-19', itemType: 'PAGE' };

  it('accepts social/share-url in the docs shape (channel incl. SITE, itemInfo, no url)', () => {
    expect(validateActivityInfo('social/share-url', { channel: 'SITE', itemInfo })).toEqual([]);
    expect(validateActivityInfo('social/share-url', { channel: 'PINTEREST', itemInfo, text: 'Look' })).toEqual([]);
  });

  it('accepts social/share-url in the schema shape (url, channel without SITE)', () => {
    expect(validateActivityInfo('social/share-url', { url: 'https://example.com', channel: 'LINKEDIN' })).toEqual([]);
  });

  it('rejects social/share-url that fits neither shape', () => {
    expect(validateActivityInfo('social/share-url', { url: 'https://example.com', channel: 'SITE' })).toEqual([
      'info.channel must be one of FACEBOOK|TWITTER|LINKEDIN|GOOGLE_PLUS|PINTEREST|INSTAGRAM|TUMBLR|BLOGGER|WORDPRESS|OTHER',
    ]);
    expect(validateActivityInfo('social/share-url', { channel: 'FACEBOOK' })).toEqual(['info.url is missing']);
  });

  it('reports the docs shape\'s problems when the app clearly wrote the docs shape', () => {
    const { itemId: _dropped, ...partial } = itemInfo;
    expect(validateActivityInfo('social/share-url', { channel: 'TWITTER', itemInfo: partial })).toEqual(['info.itemInfo.itemId is missing']);
    expect(validateActivityInfo('social/share-url', { channel: 'SITE', itemInfo: { ...itemInfo, itemType: 'BLOG' } })).toEqual([
      'info.itemInfo.itemType must be one of IMAGE|VIDEO|TEXT|SITE|ALBUM|PAGE',
    ]);
  });

  it.each(['LOVE', 'STAR', 'LIKE'])('accepts social/track in the docs shape with type %s', (trackType) => {
    expect(validateActivityInfo('social/track', { type: trackType, channel: 'SITE', itemInfo })).toEqual([]);
  });

  it('accepts social/track in the schema shape, and rejects LOVE without the docs shape', () => {
    expect(validateActivityInfo('social/track', { type: 'PIN_IT' })).toEqual([]);
    expect(validateActivityInfo('social/track', { type: 'LOVE' })).not.toEqual([]);
    expect(validateActivityInfo('social/track', { type: 'LOVE', channel: 'SITE', itemInfo: { ...itemInfo, itemUrl: null } })).toEqual([
      'info.itemInfo.itemUrl is a null',
    ]);
  });

  const purchase = validActivityInfo['e_commerce/purchase']!;
  const order = validActivityInfo['restaurants/order']!;
  const renamePayment = (info: Json, from: string, to: string | null): Json => {
    const payment = { ...(info.payment as Json) };
    const value = payment[from];
    delete payment[from];
    if (to) payment[to] = value;
    return { ...info, payment };
  };

  it('accepts e_commerce/purchase payment with subtotal or subTotal, and names subtotal when neither', () => {
    expect(validateActivityInfo('e_commerce/purchase', renamePayment(purchase, 'subtotal', 'subTotal'))).toEqual([]);
    expect(validateActivityInfo('e_commerce/purchase', { ...purchase, payment: { ...(purchase.payment as Json), subTotal: 34.99 } })).toEqual([]);
    expect(validateActivityInfo('e_commerce/purchase', { ...purchase, payment: { ...(purchase.payment as Json), subtotal: null, subTotal: 34.99 } })).toEqual([]);
    expect(validateActivityInfo('e_commerce/purchase', renamePayment(purchase, 'subtotal', null))).toEqual(['info.payment.subtotal is missing']);
    expect(validateActivityInfo('e_commerce/purchase', withValue(renamePayment(purchase, 'subtotal', 'subTotal'), 'payment.subTotal', '34.99'))).toEqual([
      'info.payment.subTotal must be a number',
    ]);
  });

  it('accepts restaurants/order payment with subTotal or subtotal, and names subTotal when neither', () => {
    expect(validateActivityInfo('restaurants/order', renamePayment(order, 'subTotal', 'subtotal'))).toEqual([]);
    expect(validateActivityInfo('restaurants/order', renamePayment(order, 'subTotal', null))).toEqual(['info.payment.subTotal is missing']);
  });

  const appointment = validActivityInfo['scheduler/appointment']!;
  const rsvp = validActivityInfo['events/rsvp']!;
  const renameTime = (info: Json, from: string, to: string | null): Json => {
    const time = { ...(info.time as Json) };
    const value = time[from];
    delete time[from];
    if (to) time[to] = value;
    return { ...info, time };
  };

  it('accepts time.timezone or time.timeZone, naming each schema\'s own spelling when neither', () => {
    expect(validateActivityInfo('scheduler/appointment', renameTime(appointment, 'timezone', 'timeZone'))).toEqual([]);
    expect(validateActivityInfo('scheduler/cancel', { ...validActivityInfo['scheduler/cancel'], time: renameTime(appointment, 'timezone', 'timeZone').time })).toEqual([]);
    expect(validateActivityInfo('events/rsvp', renameTime(rsvp, 'timeZone', 'timezone'))).toEqual([]);
    expect(validateActivityInfo('scheduler/appointment', renameTime(appointment, 'timezone', null))).toEqual(['info.time.timezone is missing']);
    expect(validateActivityInfo('events/rsvp', renameTime(rsvp, 'timeZone', null))).toEqual(['info.time.timeZone is missing']);
  });
});

describe('validateActivityInfo: messages', () => {
  const checkout = validActivityInfo['e_commerce/cart-checkout']!;

  it('names a wrong type', () => {
    expect(validateActivityInfo('e_commerce/cart-checkout', withValue(checkout, 'items[0].quantity', 'two'))).toEqual([
      'info.items[0].quantity must be a number',
    ]);
    expect(validateActivityInfo('e_commerce/cart-checkout', withValue(checkout, 'items[0].quantity', 1.5))).toEqual([
      'info.items[0].quantity must be an integer',
    ]);
    expect(validateActivityInfo('e_commerce/cart-checkout', withValue(checkout, 'items[0].categories[1]', 7))).toEqual([
      'info.items[0].categories[1] must be a string',
    ]);
    expect(validateActivityInfo('e_commerce/cart-checkout', withValue(checkout, 'items', { 0: {} }))).toEqual(['info.items must be an array']);
    expect(validateActivityInfo('e_commerce/cart-checkout', withValue(checkout, 'items[1]', null))).toEqual(['info.items[1] is a null']);
    const appointment = validActivityInfo['scheduler/appointment']!;
    expect(validateActivityInfo('scheduler/appointment', withValue(appointment, 'attendees[0].self', 'yes'))).toEqual([
      'info.attendees[0].self must be a boolean',
    ]);
    expect(validateActivityInfo('scheduler/appointment', withValue(appointment, 'price', 60))).toEqual(['info.price must be an object']);
    expect(validateActivityInfo('scheduler/appointment', withValue(appointment, 'time.start', 'next Tuesday'))).toEqual([
      'info.time.start is not an ISO-8601 date',
    ]);
  });

  it('lists every error, as the 2014 backend did for hotels/purchase and scheduler/appointment', () => {
    expect(validateActivityInfo('hotels/purchase', { guests: null, stay: null, payment: null })).toEqual([
      'info.guests is a null',
      'info.stay is a null',
      'info.payment is a null',
    ]);
    expect(validateActivityInfo('scheduler/appointment', { source: 'STAFF', title: null, description: null })).toEqual([
      'info.title is a null',
      'info.description is a null',
    ]);
  });

  it('lists errors from several levels at once, the either-spelling check included', () => {
    const purchase = validActivityInfo['e_commerce/purchase']!;
    let info = without(purchase, 'cartId');
    info = withValue(info, 'items[1].quantity', 'two');
    info = withValue(info, 'items[0].subtype', 'BOOK');
    info = without(info, 'payment.subtotal');
    info = withValue(info, 'payment.total', null);
    expect(validateActivityInfo('e_commerce/purchase', info).sort()).toEqual(
      [
        'info.cartId is missing',
        'info.items[0].subtype must be one of MUSIC_PURCHASE|VIDEO_PURCHASE|VIDEO_RENT',
        'info.items[1].quantity must be a number',
        'info.payment.total is a null',
        'info.payment.subtotal is missing',
      ].sort(),
    );
  });

  it('follows restaurant options to any depth', () => {
    const order = validActivityInfo['restaurants/order']!;
    const deep = withAdded(order, 'items[0].variants[0].value[0].value[0].value', [{ title: 'Grated' }, { value: [] }]);
    expect(validateActivityInfo('restaurants/order', deep)).toEqual(['info.items[0].variants[0].value[0].value[0].value[1].title is missing']);
  });

  it('treats null as absent for optional fields', () => {
    const appointment = validActivityInfo['scheduler/appointment']!;
    expect(validateActivityInfo('scheduler/appointment', { ...appointment, price: null, time: null, attendees: null, infoLink: null })).toEqual([]);
  });

  it('validates under an alias too, and refuses an unknown type', () => {
    expect(validateActivityInfo('ecommerce/purchase', validActivityInfo['e_commerce/purchase'])).toEqual([]);
    expect(validateActivityInfo('ecommerce/purchase', {})).toContain('info.cartId is missing');
    expect(validateActivityInfo('auth/login', {})).toEqual(['type "auth/login" is not a known activity type']);
  });

  it('accepts a null-prototype object as info', () => {
    const info = Object.assign(Object.create(null) as Json, { album: { name: 'Wix' } });
    expect(validateActivityInfo('music/album-fan', info)).toEqual([]);
  });
});
