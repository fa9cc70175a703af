/**
 * The `info` schema of every activity type (facts §7, from wix/wix-hive-activity-schemas) in
 * zod/mini, and the validator that reports every offending path the way the backend did
 * (`info.title is missing`, `info.guests is a null`).
 *
 * Every schema is built on its type's first use (start-up builds none). Objects are loose: keys a
 * schema does not list are allowed and kept. Fields whose type §7 does not state are left out:
 * guessing a type would reject input the real backend took. Field order is the order messages
 * come in.
 */
import * as z from 'zod/mini';
import { canonicalActivityType, type ActivityTypeValue } from './activity-types';
import { DATE, either, INT, list, N, oB, oD, oN, once, oneOf, opt, oS, S } from './zod-kit';
import { describeIssues, PARSE } from './zod-issues';

type Shape = z.core.$ZodLooseShape;
const obj = <T extends Shape>(shape: T) => z.looseObject(shape);
/** Optional string fields. */
const strings = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, oS()])) as Record<K, ReturnType<typeof oS>>;

// Shared blocks, each built once, on first use.
const NAME = once(() => obj(strings('prefix', 'first', 'middle', 'last', 'suffix')));
const PAIRS = once(() => opt(list(obj({ name: S(), value: S() }))));
const FILES = once(() => opt(list(obj({ name: S(), contentType: oS(), url: S() }))));
const CHANNELS = ['FACEBOOK', 'TWITTER', 'LINKEDIN', 'GOOGLE_PLUS', 'PINTEREST', 'INSTAGRAM', 'TUMBLR', 'BLOGGER', 'WORDPRESS', 'OTHER'] as const;
const ANY_CHANNEL = ['SITE', ...CHANNELS] as const;
const PERSON = once(() => opt(obj({ openId: opt(obj({ channel: oneOf(...CHANNELS) })), name: opt(NAME()), email: oS() })));
const ITEM_INFO = once(() => obj({ itemUrl: S(), itemThumbnail: oS(), itemId: S(), itemType: oneOf('IMAGE', 'VIDEO', 'TEXT', 'SITE', 'ALBUM', 'PAGE') }));
const PRICE = once(() => opt(obj({ price: N(), formattedPrice: oS(), currency: S() })));
const TOTAL = once(() => ({ total: N(), formattedTotal: oS() }));
const OPT_TOTAL = once(() => opt(obj(TOTAL())));
const LOCATION = once(() => strings('address', 'city', 'region', 'postalCode', 'country', 'url'));
// The scheduler schema spells it `timezone`, the docs and events/rsvp `timeZone`.
const TIME = once(() => opt(obj({ start: DATE(), end: DATE(), timezone: oS(), timeZone: oS() }).check(either('timezone', 'timeZone'))));
const REFUND = once(() => ({ kind: oneOf('FULL', 'PARTIAL', 'NONE'), total: N(), formattedTotal: oS(), currency: S(), notes: oS() }));
const SOURCE = once(() => oneOf('GUEST', 'STAFF'));
const CONVERSION = once(() =>
  oneOf('PAGEVIEW', 'PURCHASE', 'UPGRADE', 'LIKE', 'COMMENT', 'FOLLOW', 'SUBSCRIBE', 'CTA_CLICK', 'EMAIL_OPEN', 'OTHER'));
const SHARED_TO = once(() => oneOf('FACEBOOK', 'GOOGLE_PLUS', 'TWITTER', 'BLOGGER', 'TUMBLR'));
const NAMED = once(() => obj({ name: S(), id: oS() }));
const ADDRESS = once(() =>
  opt(obj(strings('firstName', 'lastName', 'email', 'phone', 'country', 'countryCode', 'region', 'regionCode', 'city', 'address1', 'address2', 'zip', 'company'))));
const ORDER_ITEMS = once(() => list(obj({})));

const APPOINTMENT_SHAPE = once(() => ({
  appointmentId: oS(),
  source: SOURCE(),
  title: S(),
  description: S(),
  infoLink: oS(),
  price: PRICE(),
  location: opt(obj(LOCATION())),
  time: TIME(),
  attendees: opt(list(obj({ contactId: oS(), name: opt(NAME()), phone: oS(), email: oS(), notes: oS(), self: oB() }))),
}));
const APPOINTMENT = once(() => obj(APPOINTMENT_SHAPE()));

const INVOICE = once(() => ({ subtotal: N(), total: N(), currency: S() }));
const HOTEL_PAYMENT = once(() => ({ ...INVOICE(), source: S() }));
const HOTEL = once(() => ({
  reservationId: oS(),
  guests: obj({ total: N(), adults: N(), children: N() }),
  stay: obj({ checkin: DATE(), checkout: DATE() }),
  rates: opt(list(obj({ date: DATE(), subtotal: N(), taxes: opt(list(obj({ name: S(), total: N(), currency: S() }))), total: N(), currency: S() }))),
  customer: opt(obj({ contactId: oS(), isGuest: oB(), name: opt(NAME()), phone: oS(), email: oS() })),
  rooms: opt(list(obj({ id: oS(), beds: opt(list(obj({ kind: S() }))), maxOccupancy: N(), amenities: opt(list(S())) }))),
}));
const HOTEL_STAY = once(() => obj({ ...HOTEL(), source: SOURCE(), invoice: obj(INVOICE()) }));

const TRACK = once(() => ({ track: NAMED(), album: opt(NAMED()), artist: opt(NAMED()) }));
const TRACK_INFO = once(() => obj(TRACK()));
const ALBUM = once(() => ({ album: NAMED(), artist: opt(NAMED()) }));
const ALBUM_INFO = once(() => obj(ALBUM()));

const ITEM_SHAPE = once(() => ({
  id: S(),
  type: opt(oneOf('PHYSICAL', 'DIGITAL')),
  sku: oS(),
  title: S(),
  quantity: INT(),
  price: oN(),
  formattedPrice: oS(),
  currency: S(),
  productLink: oS(),
  weight: oN(),
  formattedWeight: oS(),
  media: opt(obj({ thumbnail: oS() })),
  variants: list(obj({ title: S(), value: oS() })),
  categories: opt(list(S())),
  metadata: PAIRS(),
}));
const CART = once(() => ({ cartId: S(), storeId: S(), storeName: oS() }));
const CART_ITEM = once(() => obj({ ...CART(), item: obj(ITEM_SHAPE()) }));
const CART_ITEMS = once(() => obj({ ...CART(), items: list(obj(ITEM_SHAPE())) }));

/** A restaurant item's option: its `value` lists sub-options of the same shape, to any depth. */
export interface RestaurantChoice {
  title: string;
  value?: RestaurantChoice[] | null | undefined;
  [key: string]: unknown;
}
const CHOICE: () => z.ZodMiniType<RestaurantChoice, RestaurantChoice> = once(() => obj({ title: S(), value: opt(list(z.lazy(CHOICE))) }));

const SHARE = once(() => ({ text: oS(), sharer: opt(obj({ name: opt(NAME()), email: oS() })), metadata: PAIRS() }));
const SOCIAL_TRACK_TYPES = ['LIKE', 'FOLLOW', 'SUBSCRIBE', 'PIN_IT', 'FAVORITE', 'OTHER'] as const;
const SOCIAL_TRACK = once(() => ({ type: oneOf(...SOCIAL_TRACK_TYPES), tracker: PERSON(), metadata: PAIRS() }));

/**
 * Canonical type → its `info` schema, built on first use. Where a type has two published variants
 * (SPEC §2.2) the schema is their union; validation then reports the closer variant's problems.
 */
export const ACTIVITY_INFO_SCHEMAS = {
  'form/contact-form': once(() => obj({ subject: oS(), content: obj({ message: S(), media: FILES() }), additionalFields: PAIRS() })),
  'form/subscription-form': once(() => obj({ additionalFields: PAIRS() })),
  'form/form': once(() =>
    obj({
      type: oneOf('CUSTOMER_SATISFACTION', 'SURVEY', 'EVENT_REGISTRATION', 'ORDER', 'DONATION', 'QUIZ', 'SALES_LEAD', 'OTHER'),
      fields: list(obj({ name: S(), value: S() })),
    })),
  'contact/contact-form': once(() =>
    obj({
      name: opt(NAME()),
      emails: opt(list(obj({ email: S(), tag: S() }))),
      phones: opt(list(obj({ phone: S(), tag: S() }))),
      fields: PAIRS(),
    })),
  'contact/subscription-form': once(() => obj({ email: S(), name: opt(NAME()), phone: oS(), fields: PAIRS() })),

  'scheduler/appointment': APPOINTMENT,
  'scheduler/confirmation': APPOINTMENT,
  'scheduler/cancel': once(() => obj({ ...APPOINTMENT_SHAPE(), cancelDate: DATE(), refund: opt(obj(REFUND())) })),

  'social/comment': once(() => obj({ text: S(), channel: oneOf(...ANY_CHANNEL), metadata: PAIRS(), commenter: PERSON() })),
  // The schema file's shape, then the docs table's.
  'social/share-url': once(() =>
    z.union([
      obj({ url: S(), channel: oneOf(...CHANNELS), ...SHARE() }),
      obj({ channel: oneOf(...ANY_CHANNEL), itemInfo: ITEM_INFO(), ...SHARE() }),
    ])),
  'social/track': once(() =>
    z.union([
      obj(SOCIAL_TRACK()),
      obj({ ...SOCIAL_TRACK(), type: oneOf(...SOCIAL_TRACK_TYPES, 'LOVE', 'STAR'), channel: oneOf(...ANY_CHANNEL), itemInfo: ITEM_INFO() }),
    ])),

  'hotels/purchase': once(() => obj({ ...HOTEL(), payment: obj(HOTEL_PAYMENT()) })),
  'hotels/purchase-failed': once(() =>
    obj({ ...HOTEL(), payment: obj({ ...HOTEL_PAYMENT(), error: opt(obj({ errorCode: oN(), reason: oS() })) }) })),
  'hotels/reservation': HOTEL_STAY,
  'hotels/confirmation': HOTEL_STAY,
  'hotels/cancel': once(() =>
    obj({ ...HOTEL(), cancelDate: DATE(), refund: obj({ ...REFUND(), destination: S() }), invoice: obj(INVOICE()) })),

  'music/track-play': TRACK_INFO,
  'music/track-played': TRACK_INFO,
  'music/track-skip': TRACK_INFO,
  'music/track-lyrics': TRACK_INFO,
  'music/track-share': once(() => obj({ ...TRACK(), sharedTo: SHARED_TO() })),
  'music/album-fan': ALBUM_INFO,
  'music/album-played': ALBUM_INFO,
  'music/album-share': once(() => obj({ ...ALBUM(), sharedTo: SHARED_TO() })),

  'e_commerce/cart-add': CART_ITEM,
  'e_commerce/cart-remove': CART_ITEM,
  'e_commerce/cart-checkout': CART_ITEMS,
  'e_commerce/cart-abandon': CART_ITEMS,
  'e_commerce/purchase': once(() =>
    obj({
      ...CART(),
      orderId: oS(),
      items: list(obj({ ...ITEM_SHAPE(), subtype: opt(oneOf('MUSIC_PURCHASE', 'VIDEO_PURCHASE', 'VIDEO_RENT')) })),
      // The schema and its examples write `subtotal`, the docs table `subTotal`.
      payment: obj({
        total: N(),
        subtotal: oN(),
        subTotal: oN(),
        formattedTotal: oS(),
        formattedSubtotal: oS(),
        formattedSubTotal: oS(),
        currency: S(),
        coupon: opt(obj({ ...TOTAL(), title: S() })),
        tax: OPT_TOTAL(),
        shipping: OPT_TOTAL(),
      }).check(either('subtotal', 'subTotal')),
      shippingAddress: ADDRESS(),
      billingAddress: ADDRESS(),
      paymentGateway: oS(),
      note: oS(),
      buyerAcceptsMarketing: oB(),
    })),

  'messaging/im': once(() =>
    obj({
      // The docs' prose says lowercase, their example and the schema uppercase.
      type: oneOf('CHAT', 'SMS', 'chat', 'sms'),
      content: opt(list(obj({ direction: oneOf('BUSINESS_TO_CUSTOMER', 'CUSTOMER_TO_BUSINESS'), time: DATE(), message: S(), media: FILES() }))),
      threadId: oS(),
      metadata: PAIRS(),
    })),
  'events/rsvp': once(() =>
    obj({
      eventId: S(),
      eventTitle: S(),
      eventDescription: oS(),
      totalNumberAttendees: oN(),
      price: PRICE(),
      location: opt(obj({ name: oS(), address: S() })),
      time: opt(obj({ start: DATE(), end: oD(), timeZone: oS(), timezone: oS() }).check(either('timeZone', 'timezone'))),
    })),
  'restaurants/order': once(() =>
    obj({
      restaurantId: S(),
      restaurantName: S(),
      orderId: S(),
      items: list(
        obj({
          id: S(),
          title: S(),
          quantity: INT(),
          price: oN(),
          formattedPrice: oS(),
          currency: S(),
          variants: opt(list(obj({ title: S(), value: list(CHOICE()) }))),
        }),
      ),
      // This schema itself writes `subTotal`; `subtotal` is accepted as everywhere else.
      payment: obj({
        total: N(),
        subTotal: oN(),
        subtotal: oN(),
        formattedTotal: oS(),
        formattedSubTotal: oS(),
        formattedSubtotal: oS(),
        currency: S(),
        coupons: opt(list(obj({ ...TOTAL(), title: S() }))),
        tax: OPT_TOTAL(),
        delivery: OPT_TOTAL(),
      }).check(either('subTotal', 'subtotal')),
      note: oS(),
    })),

  // Read-only in the docs, yet the 2014 backend accepted a POST of it; `date` really is a number here.
  'contacts/create': once(() =>
    obj({
      name: opt(NAME()),
      picture: oS(),
      company: opt(obj(strings('role', 'name'))),
      emails: list(obj(strings('tag', 'email'))),
      phones: list(obj(strings('tag', 'phone'))),
      addresses: list(obj(strings('tag', 'address', 'neighborhood', 'city', 'region', 'country', 'postalCode'))),
      dates: list(obj({ tag: oS(), date: oN() })),
      urls: list(obj(strings('tag', 'url'))),
    })),
  'conversion/complete': once(() => obj({ conversionType: CONVERSION(), messageId: oS(), metadata: PAIRS() })),
  'downloads/downloaded': once(() =>
    obj({
      orderId: S(),
      item: obj({
        id: S(),
        sku: oS(),
        title: S(),
        quantity: N(),
        price: oN(),
        formattedPrice: oS(),
        currency: oS(),
        productLink: oS(),
        fileName: oS(),
        metadata: PAIRS(),
      }),
    })),
  'events/event-update': once(() =>
    obj({
      eventId: S(),
      title: S(),
      description: S(),
      status: oneOf('RSVP'),
      infoLink: oS(),
      price: PRICE(),
      summary: opt(obj({ going: oN(), maybe: oN(), invited: oN() })),
      location: opt(obj({ ...LOCATION(), name: oS() })),
      time: TIME(),
      invitees: opt(list(obj({
        kind: oneOf('ADULT', 'CHILD', 'SENIOR'),
        RSVP: oneOf('YES', 'NO', 'MAYBE'),
        guests: opt(list(obj({ amount: N(), kind: S() }))),
      }))),
    })),
  'messaging/send': once(() =>
    obj({
      recipient: obj({ method: oneOf('EMAIL', 'SMS', 'PHONE', 'SOCIAL', 'CHAT'), destination: obj({ target: S() }), contactId: oS() }),
      messageId: oS(),
      conversionTarget: opt(obj({ conversionType: CONVERSION(), metadata: PAIRS() })),
    })),
  'shipping/shipped': once(() =>
    obj({
      orderId: S(),
      items: ORDER_ITEMS(),
      shippingDetails: opt(obj({ method: S(), deliveryEstimate: obj({ start: oD(), end: oD() }) })),
      note: oS(),
    })),
  'shipping/delivered': once(() => obj({ orderId: S(), items: ORDER_ITEMS(), shippingDetails: opt(obj({})), note: oS() })),
  'shipping/status-change': once(() =>
    obj({
      orderId: S(),
      status: oneOf('AWAITING_SHIPMENT', 'AWAITING_PAYMENT', 'AWAITING_FULFILMENT', 'PARTIALLY_SHIPPED'),
      items: ORDER_ITEMS(),
    })),
};

/** An activity's `details`: `additionalInfoUrl` must be sent, though it may be null. */
export const activityDetailsSchema = once(() => obj({ additionalInfoUrl: z.nullable(S()), summary: S() }));

/** A canonical activity type: the path of its schema (`e_commerce/purchase`, `messaging/im`). */
export type CanonicalActivityType = keyof typeof ACTIVITY_INFO_SCHEMAS;

/** The docs' spellings accepted on input beside the SDK's and the canonical values (SPEC §2.2). */
type DocsSpelling<T extends string> = T extends `e_commerce/${infer R}` ? `ecommerce/${R}` : T extends 'hotels/cancel' ? 'hotel/cancel' : never;

/** Every spelling `postActivity` accepts: canonical values, the SDK's values and the docs' aliases. */
export type ActivityTypeSpelling = CanonicalActivityType | ActivityTypeValue | DocsSpelling<CanonicalActivityType>;

/** The canonical type of a spelling. */
export type CanonicalOf<T extends ActivityTypeSpelling> = T extends CanonicalActivityType
  ? T
  : T extends 'Messaging/im'
    ? 'messaging/im'
    : T extends 'hotel/cancel'
      ? 'hotels/cancel'
      : T extends `ecommerce/${infer R}`
        ? `e_commerce/${R}` & CanonicalActivityType
        : never;

/** What `info` may be for an activity type (any spelling), as the type's zod schema takes it. */
export type ActivityInfo<T extends ActivityTypeSpelling> = z.input<ReturnType<(typeof ACTIVITY_INFO_SCHEMAS)[CanonicalOf<T>]>>;

/** The `info` schema of a type in any accepted spelling, built on first use; `undefined` for an unknown type. */
export function activityInfoSchema(type: string): z.ZodMiniType | undefined {
  const canonical = canonicalActivityType(type) as CanonicalActivityType | undefined;
  return canonical && ACTIVITY_INFO_SCHEMAS[canonical]();
}

const isPlainObject = (value: unknown): boolean =>
  Object.prototype.toString.call(value) === '[object Object]';

type Issue = z.core.$ZodIssue;

/**
 * Checks an activity's `info` against its type's schema. Returns `[]` when it is valid, otherwise
 * one message per offending path, each starting with `info` (`info.items[0].quantity must be a
 * number`). Where a type has two published variants, `info` is valid if it matches either; if it
 * matches neither, the messages of the variant it is closer to are given (see `distance`).
 * Validation only: `info` is never changed, and keys the schema does not list are allowed.
 *
 * @param canonicalType a canonical activity type (aliases are canonicalised too)
 * @param info the `info` the app posted
 */
export function validateActivityInfo(canonicalType: string, info: unknown): string[] {
  const schema = activityInfoSchema(canonicalType);
  if (!schema) return [`type ${JSON.stringify(canonicalType)} is not a known activity type`];
  if (info === undefined) return ['info is missing'];
  if (info === null) return ['info is a null'];
  if (!isPlainObject(info)) return ['info must be an object'];
  const variants = schema instanceof z.ZodMiniUnion ? (schema._zod.def.options as z.ZodMiniType[]) : [schema];
  let closest: Issue[] = [];
  let closestDistance = Infinity;
  for (const variant of variants) {
    const result = variant.safeParse(info, PARSE);
    if (result.success) return [];
    const issues = result.error.issues;
    const d = distance(variant, info as Record<string, unknown>, issues);
    if (d < closestDistance) [closest, closestDistance] = [issues, d];
  }
  return describeIssues(closest, 'info');
}

// How far `info` is from a variant it failed: first the top-level fields it lacks, then its
// top-level keys the variant does not know (an `itemInfo` says the app wrote the docs' shape),
// then the number of problems. Ties go to the earlier variant, the schema's.
function distance(variant: z.ZodMiniType, info: Record<string, unknown>, issues: readonly Issue[]): number {
  const known = Object.keys((variant as z.ZodMiniObject)._zod.def.shape);
  const missing = issues.filter((issue) =>
    issue.path.length === 1 && (issue.code === 'custom' ? issue.message === 'is missing' : (issue as { input?: unknown }).input === undefined)).length;
  const unknown = Object.keys(info).filter((key) => !known.includes(key)).length;
  return missing * 1e6 + unknown * 1e3 + issues.length;
}
