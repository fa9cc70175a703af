/**
 * The `info` schema of every activity type (facts §7, from wix/wix-hive-activity-schemas), as data
 * in the notation of ./schema-dsl, and the validator that reports every offending path the way
 * the backend did (`info.title is missing`, `info.guests is a null`).
 *
 * Fields whose type §7 does not state are left out: extra keys are allowed anyway, and guessing a
 * type would reject input the real backend took.
 */
import { canonicalActivityType } from './activity-types';
import { describeIssues, keysOf, validate, type Issue, type ObjectSpec, type Spec } from './schema-dsl';

const strings = (keys: string): ObjectSpec => Object.fromEntries(keys.split(' ').map((k) => [k, 's']));

// Shared blocks, each defined once so that it is also compiled once.
const NAME = strings('prefix first middle last suffix');
const PAIRS: Spec = [{ 'name!': 's', 'value!': 's' }];
const FILES: Spec = [{ 'name!': 's', contentType: 's', 'url!': 's' }];
const CHANNELS = 'FACEBOOK|TWITTER|LINKEDIN|GOOGLE_PLUS|PINTEREST|INSTAGRAM|TUMBLR|BLOGGER|WORDPRESS|OTHER';
const ANY_CHANNEL = `SITE|${CHANNELS}`;
const PERSON = { openId: { 'channel!': CHANNELS }, name: NAME, email: 's' };
const ITEM_INFO = { 'itemUrl!': 's', itemThumbnail: 's', 'itemId!': 's', 'itemType!': 'IMAGE|VIDEO|TEXT|SITE|ALBUM|PAGE' };
const PRICE = { 'price!': 'n', formattedPrice: 's', 'currency!': 's' };
const TOTAL = { 'total!': 'n', formattedTotal: 's' };
const LOCATION = strings('address city region postalCode country url');
// The scheduler schema spells it `timezone`, the docs and events/rsvp `timeZone`.
const TIME = { 'start!': 'd', 'end!': 'd', 'timezone!|timeZone': 's' };
const REFUND = { 'kind!': 'FULL|PARTIAL|NONE', 'total!': 'n', formattedTotal: 's', 'currency!': 's', notes: 's' };
const SOURCE = 'GUEST|STAFF';
const CONVERSION = 'PAGEVIEW|PURCHASE|UPGRADE|LIKE|COMMENT|FOLLOW|SUBSCRIBE|CTA_CLICK|EMAIL_OPEN|OTHER';
const SHARED_TO = 'FACEBOOK|GOOGLE_PLUS|TWITTER|BLOGGER|TUMBLR';
const NAMED = { 'name!': 's', id: 's' };
const ADDRESS = strings('firstName lastName email phone country countryCode region regionCode city address1 address2 zip company');
const ORDER_ITEMS: Spec = [{}];

const APPOINTMENT: ObjectSpec = {
  appointmentId: 's',
  'source!': SOURCE,
  'title!': 's',
  'description!': 's',
  infoLink: 's',
  price: PRICE,
  location: LOCATION,
  time: TIME,
  attendees: [{ contactId: 's', name: NAME, phone: 's', email: 's', notes: 's', self: 'b' }],
};

const INVOICE = { 'subtotal!': 'n', 'total!': 'n', 'currency!': 's' };
const HOTEL_PAYMENT = { ...INVOICE, 'source!': 's' };
const HOTEL: ObjectSpec = {
  reservationId: 's',
  'guests!': { 'total!': 'n', 'adults!': 'n', 'children!': 'n' },
  'stay!': { 'checkin!': 'd', 'checkout!': 'd' },
  rates: [{ 'date!': 'd', 'subtotal!': 'n', taxes: [{ 'name!': 's', 'total!': 'n', 'currency!': 's' }], 'total!': 'n', 'currency!': 's' }],
  customer: { contactId: 's', isGuest: 'b', name: NAME, phone: 's', email: 's' },
  rooms: [{ id: 's', beds: [{ 'kind!': 's' }], 'maxOccupancy!': 'n', amenities: ['s'] }],
};

const TRACK = { 'track!': NAMED, album: NAMED, artist: NAMED };
const ALBUM = { 'album!': NAMED, artist: NAMED };

const ITEM: ObjectSpec = {
  'id!': 's',
  type: 'PHYSICAL|DIGITAL',
  sku: 's',
  'title!': 's',
  'quantity!': 'i',
  price: 'n',
  formattedPrice: 's',
  'currency!': 's',
  productLink: 's',
  weight: 'n',
  formattedWeight: 's',
  media: { thumbnail: 's' },
  'variants!': [{ 'title!': 's', value: 's' }],
  categories: ['s'],
  metadata: PAIRS,
};
const CART = { 'cartId!': 's', 'storeId!': 's', storeName: 's' };

// A restaurant item's option: its `value` lists sub-options of the same shape, to any depth.
const CHOICE: ObjectSpec = { 'title!': 's' };
CHOICE.value = [CHOICE];

const SHARE = { text: 's', sharer: { name: NAME, email: 's' }, metadata: PAIRS };
const SOCIAL_TRACK_TYPES = 'LIKE|FOLLOW|SUBSCRIBE|PIN_IT|FAVORITE|OTHER';
const SOCIAL_TRACK = { 'type!': SOCIAL_TRACK_TYPES, tracker: PERSON, metadata: PAIRS };

/**
 * Canonical type (several, space-separated, when they share one schema) → its `info` spec, or the
 * list of published variants, any one of which makes the `info` valid.
 */
const SCHEMAS: Record<string, ObjectSpec | readonly ObjectSpec[]> = {
  'form/contact-form': { subject: 's', 'content!': { 'message!': 's', media: FILES }, additionalFields: PAIRS },
  'form/subscription-form': { additionalFields: PAIRS },
  'form/form': {
    'type!': 'CUSTOMER_SATISFACTION|SURVEY|EVENT_REGISTRATION|ORDER|DONATION|QUIZ|SALES_LEAD|OTHER',
    'fields!': PAIRS,
  },
  'contact/contact-form': {
    name: NAME,
    emails: [{ 'email!': 's', 'tag!': 's' }],
    phones: [{ 'phone!': 's', 'tag!': 's' }],
    fields: PAIRS,
  },
  'contact/subscription-form': { 'email!': 's', name: NAME, phone: 's', fields: PAIRS },

  'scheduler/appointment scheduler/confirmation': APPOINTMENT,
  'scheduler/cancel': { ...APPOINTMENT, 'cancelDate!': 'd', refund: REFUND },

  'social/comment': { 'text!': 's', 'channel!': ANY_CHANNEL, metadata: PAIRS, commenter: PERSON },
  // The schema file's shape, then the docs table's.
  'social/share-url': [
    { 'url!': 's', 'channel!': CHANNELS, ...SHARE },
    { 'channel!': ANY_CHANNEL, 'itemInfo!': ITEM_INFO, ...SHARE },
  ],
  'social/track': [
    SOCIAL_TRACK,
    { ...SOCIAL_TRACK, 'type!': `${SOCIAL_TRACK_TYPES}|LOVE|STAR`, 'channel!': ANY_CHANNEL, 'itemInfo!': ITEM_INFO },
  ],

  'hotels/purchase': { ...HOTEL, 'payment!': HOTEL_PAYMENT },
  'hotels/purchase-failed': { ...HOTEL, 'payment!': { ...HOTEL_PAYMENT, error: { errorCode: 'n', reason: 's' } } },
  'hotels/reservation hotels/confirmation': { ...HOTEL, 'source!': SOURCE, 'invoice!': INVOICE },
  'hotels/cancel': { ...HOTEL, 'cancelDate!': 'd', 'refund!': { ...REFUND, 'destination!': 's' }, 'invoice!': INVOICE },

  'music/track-play music/track-played music/track-skip music/track-lyrics': TRACK,
  'music/track-share': { ...TRACK, 'sharedTo!': SHARED_TO },
  'music/album-fan music/album-played': ALBUM,
  'music/album-share': { ...ALBUM, 'sharedTo!': SHARED_TO },

  'e_commerce/cart-add e_commerce/cart-remove': { ...CART, 'item!': ITEM },
  'e_commerce/cart-checkout e_commerce/cart-abandon': { ...CART, 'items!': [ITEM] },
  'e_commerce/purchase': {
    ...CART,
    orderId: 's',
    'items!': [{ ...ITEM, subtype: 'MUSIC_PURCHASE|VIDEO_PURCHASE|VIDEO_RENT' }],
    // The schema and its examples write `subtotal`, the docs table `subTotal`.
    'payment!': {
      'total!': 'n',
      'subtotal!|subTotal': 'n',
      formattedTotal: 's',
      'formattedSubtotal|formattedSubTotal': 's',
      'currency!': 's',
      coupon: { ...TOTAL, 'title!': 's' },
      tax: TOTAL,
      shipping: TOTAL,
    },
    shippingAddress: ADDRESS,
    billingAddress: ADDRESS,
    paymentGateway: 's',
    note: 's',
    buyerAcceptsMarketing: 'b',
  },

  'messaging/im': {
    // The docs' prose says lowercase, their example and the schema uppercase.
    'type!': 'CHAT|SMS|chat|sms',
    content: [{ 'direction!': 'BUSINESS_TO_CUSTOMER|CUSTOMER_TO_BUSINESS', 'time!': 'd', 'message!': 's', media: FILES }],
    threadId: 's',
    metadata: PAIRS,
  },
  'events/rsvp': {
    'eventId!': 's',
    'eventTitle!': 's',
    eventDescription: 's',
    totalNumberAttendees: 'n',
    price: PRICE,
    location: { name: 's', 'address!': 's' },
    time: { 'start!': 'd', end: 'd', 'timeZone!|timezone': 's' },
  },
  'restaurants/order': {
    'restaurantId!': 's',
    'restaurantName!': 's',
    'orderId!': 's',
    'items!': [
      {
        'id!': 's',
        'title!': 's',
        'quantity!': 'i',
        price: 'n',
        formattedPrice: 's',
        'currency!': 's',
        variants: [{ 'title!': 's', 'value!': [CHOICE] }],
      },
    ],
    // This schema itself writes `subTotal`; `subtotal` is accepted as everywhere else.
    'payment!': {
      'total!': 'n',
      'subTotal!|subtotal': 'n',
      formattedTotal: 's',
      'formattedSubTotal|formattedSubtotal': 's',
      'currency!': 's',
      coupons: [{ ...TOTAL, 'title!': 's' }],
      tax: TOTAL,
      delivery: TOTAL,
    },
    note: 's',
  },

  // Read-only in the docs, yet the 2014 backend accepted a POST of it; `date` really is a number here.
  'contacts/create': {
    name: NAME,
    picture: 's',
    company: strings('role name'),
    'emails!': [strings('tag email')],
    'phones!': [strings('tag phone')],
    'addresses!': [strings('tag address neighborhood city region country postalCode')],
    'dates!': [{ tag: 's', date: 'n' }],
    'urls!': [strings('tag url')],
  },
  'conversion/complete': { 'conversionType!': CONVERSION, messageId: 's', metadata: PAIRS },
  'downloads/downloaded': {
    'orderId!': 's',
    'item!': {
      'id!': 's',
      sku: 's',
      'title!': 's',
      'quantity!': 'n',
      price: 'n',
      formattedPrice: 's',
      currency: 's',
      productLink: 's',
      fileName: 's',
      metadata: PAIRS,
    },
  },
  'events/event-update': {
    'eventId!': 's',
    'title!': 's',
    'description!': 's',
    'status!': 'RSVP',
    infoLink: 's',
    price: PRICE,
    summary: { going: 'n', maybe: 'n', invited: 'n' },
    location: { ...LOCATION, name: 's' },
    time: TIME,
    invitees: [{ 'kind!': 'ADULT|CHILD|SENIOR', 'RSVP!': 'YES|NO|MAYBE', guests: [{ 'amount!': 'n', 'kind!': 's' }] }],
  },
  'messaging/send': {
    'recipient!': { 'method!': 'EMAIL|SMS|PHONE|SOCIAL|CHAT', 'destination!': { 'target!': 's' }, contactId: 's' },
    messageId: 's',
    conversionTarget: { 'conversionType!': CONVERSION, metadata: PAIRS },
  },
  'shipping/shipped': {
    'orderId!': 's',
    'items!': ORDER_ITEMS,
    shippingDetails: { 'method!': 's', 'deliveryEstimate!': { start: 'd', end: 'd' } },
    note: 's',
  },
  'shipping/delivered': { 'orderId!': 's', 'items!': ORDER_ITEMS, shippingDetails: {}, note: 's' },
  'shipping/status-change': {
    'orderId!': 's',
    'status!': 'AWAITING_SHIPMENT|AWAITING_PAYMENT|AWAITING_FULFILMENT|PARTIALLY_SHIPPED',
    'items!': ORDER_ITEMS,
  },
};

let byType: Map<string, readonly ObjectSpec[]> | undefined;

function variantsOf(type: string): readonly ObjectSpec[] | undefined {
  if (!byType) {
    byType = new Map();
    for (const [types, spec] of Object.entries(SCHEMAS))
      for (const t of types.split(' ')) byType.set(t, Array.isArray(spec) ? spec : [spec as ObjectSpec]);
  }
  return byType.get(type);
}

const isPlainObject = (value: unknown): boolean =>
  Object.prototype.toString.call(value) === '[object Object]';

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
  const variants = variantsOf(canonicalActivityType(canonicalType) ?? '');
  if (!variants) return [`type ${JSON.stringify(canonicalType)} is not a known activity type`];
  if (info === undefined) return ['info is missing'];
  if (info === null) return ['info is a null'];
  if (!isPlainObject(info)) return ['info must be an object'];
  let closest: Issue[] = [];
  let closestDistance = Infinity;
  for (const spec of variants) {
    const issues = validate(spec, info);
    if (!issues.length) return [];
    const d = distance(spec, info as Record<string, unknown>, issues);
    if (d < closestDistance) [closest, closestDistance] = [issues, d];
  }
  return describeIssues(closest, 'info');
}

// How far `info` is from a variant it failed: first the top-level fields it lacks, then its
// top-level keys the variant does not know (an `itemInfo` says the app wrote the docs' shape),
// then the number of problems. Ties go to the earlier variant, the schema's.
function distance(spec: ObjectSpec, info: Record<string, unknown>, issues: readonly Issue[]): number {
  const known = keysOf(spec);
  const missing = issues.filter((issue) => issue.path.length === 1 && issue.what === 'is missing').length;
  const unknown = Object.keys(info).filter((key) => !known.includes(key)).length;
  return missing * 1e6 + unknown * 1e3 + issues.length;
}
