/**
 * `Wix.Activities.Type` as SDK 1.90.0 ships it (facts §1.2), and the mapping from every accepted
 * spelling to the canonical value the shim stores: the path of the type's JSON schema.
 * Pure: no DOM, no storage.
 */

/**
 * The 40 activity types of SDK 1.90.0, in the SDK's key order, with the SDK's values verbatim,
 * quirks included (`e_commerce/*` where the docs say `ecommerce/*`, `Messaging/im` with a capital M).
 */
export const ActivityType = Object.freeze({
  CONTACT_CONTACT_FORM: 'contact/contact-form',
  SUBSCRIPTION_FORM: 'contact/subscription-form',
  CONTACT_CREATE: 'contacts/create',
  CONVERSION_COMPLETE: 'conversion/complete',
  DOWNLOADS_DOWNLOADED: 'downloads/downloaded',
  EVENTS_EVENT_UPDATE: 'events/event-update',
  ECOMMERCE_CART_ADD: 'e_commerce/cart-add',
  ECOMMERCE_CART_REMOVE: 'e_commerce/cart-remove',
  ECOMMERCE_CART_CHECKOUT: 'e_commerce/cart-checkout',
  ECOMMERCE_CART_ABANDON: 'e_commerce/cart-abandon',
  ECOMMERCE_PURCHASE: 'e_commerce/purchase',
  SEND_MESSAGE: 'messaging/send',
  ALBUM_FAN: 'music/album-fan',
  ALBUM_SHARE: 'music/album-share',
  ALBUM_PLAYED: 'music/album-played',
  TRACK_LYRICS: 'music/track-lyrics',
  TRACK_PLAY: 'music/track-play',
  TRACK_PLAYED: 'music/track-played',
  TRACK_SHARE: 'music/track-share',
  TRACK_SKIP: 'music/track-skip',
  HOTELS_RESERVATION: 'hotels/reservation',
  HOTELS_CANCEL: 'hotels/cancel',
  HOTELS_CONFIRMATION: 'hotels/confirmation',
  HOTELS_PURCHASE: 'hotels/purchase',
  HOTELS_PURCHASE_FAILED: 'hotels/purchase-failed',
  SCHEDULER_CONFIRMATION: 'scheduler/confirmation',
  SCHEDULER_CANCEL: 'scheduler/cancel',
  SCHEDULER_APPOINTMENT: 'scheduler/appointment',
  SHIPPING_SHIPPED: 'shipping/shipped',
  SHIPPING_DELIVERED: 'shipping/delivered',
  SHIPPING_STATUS_CHANGE: 'shipping/status-change',
  SOCIAL_COMMENT: 'social/comment',
  SOCIAL_SHARE_URL: 'social/share-url',
  SOCIAL_TRACK: 'social/track',
  FORM_CONTACT_FORM: 'form/contact-form',
  FORM_SUBSCRIPTION_FORM: 'form/subscription-form',
  FORM_FORM: 'form/form',
  MESSAGE_IM: 'Messaging/im',
  RESTAURANTS_ORDER: 'restaurants/order',
  EVENTS_RSVP: 'events/rsvp',
} as const);

/** One of the string values of {@link ActivityType}, as the SDK spells them. */
export type ActivityTypeValue = (typeof ActivityType)[keyof typeof ActivityType];

/**
 * The 40 canonical type values, in the SDK's order. They equal the SDK values except
 * `messaging/im`: the schema lives at `schemas/messaging/im.json`, and only the SDK constant has the
 * capital M, so lowercasing is exactly the canonicalisation (every other value is lowercase already).
 */
export const CANONICAL_ACTIVITY_TYPES: readonly string[] = Object.freeze(
  Object.values(ActivityType).map((value) => value.toLowerCase()),
);

/**
 * The canonical value for any accepted spelling: an SDK value, a canonical value, or one of the
 * docs' spellings (`ecommerce/*`, `hotel/cancel`). Anything else, including other casings and
 * non-strings, is `undefined`, as the backend knew no such type.
 */
export function canonicalActivityType(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const value =
    input === 'Messaging/im'
      ? 'messaging/im'
      : input === 'hotel/cancel'
        ? 'hotels/cancel'
        : input.replace(/^ecommerce\//, 'e_commerce/');
  return CANONICAL_ACTIVITY_TYPES.includes(value) ? value : undefined;
}
