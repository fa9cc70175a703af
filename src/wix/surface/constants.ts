/**
 * The constant tables of Wix.js 1.90.0 (facts: read in the real file, pinned by
 * test/browser/surface.test.ts). Written as space-separated names to keep the script tag small.
 */

/** `{A: 'A', B: 'B'}` from `'A B'`. */
export type Words<S extends string> = S extends `${infer A} ${infer B}` ? A | Words<B> : S;
export const names = <S extends string>(list: S): { [K in Words<S>]: K } => Object.fromEntries(list.split(' ').map((k) => [k, k])) as never;

/** `{A: 'a', B: 'b'}` from `'A a B b'`. */
const pairs = (list: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const words = list.split(' ');
  for (let i = 0; i < words.length; i += 2) out[words[i]!] = words[i + 1]!;
  return out;
};

/** The prefix Wix.js puts before a PubSub event's name in its event key. */
export const PUBSUB_PREFIX = 'TPA_PUB_SUB_';

export const EVENTS = names(
  'EDIT_MODE_CHANGE PAGE_NAVIGATION_CHANGE SITE_PUBLISHED COMPONENT_DELETED SETTINGS_UPDATED WINDOW_PLACEMENT_CHANGED ON_MESSAGE_RESPONSE THEME_CHANGE STYLE_PARAMS_CHANGE SCROLL PAGE_NAVIGATION PAGE_NAVIGATION_IN PAGE_NAVIGATION_OUT STATE_CHANGED DEVICE_TYPE_CHANGED KEY_DOWN KEY_UP SITE_SAVED SESSION_CHANGED MEMBER_DETAILS_UPDATED PUBLIC_DATA_CHANGED SITE_METADATA_CHANGED QUICK_ACTION_TRIGGERED',
);

export const WINDOW_PLACEMENT = names('TOP_LEFT TOP_RIGHT BOTTOM_RIGHT BOTTOM_LEFT TOP_CENTER CENTER_RIGHT BOTTOM_CENTER CENTER_LEFT CENTER');
export const WINDOW_ORIGIN = { DEFAULT: 'FIXED', ...names('FIXED RELATIVE ABSOLUTE') };
export const THEME = names('DEFAULT BARE');
export const PREMIUM_INTENT = names('NEUTRAL FREE PAID');
export const MEDIA_TYPE = pairs('IMAGE photos BACKGROUND backgrounds AUDIO audio DOCUMENT documents SWF swf SECURE_MUSIC secure_music');
export const AUDIO_TYPE = names('STANDARD PREVIEW SHORT_PREVIEW');
export const BILLING_CYCLE = names('MONTHLY YEARLY ONE_TIME');
export const FEATURE_TYPES = names('PREVIEW_TO_SETTINGS ADD_COMPONENT RESIZE_COMPONENT');
export const DATA_SCOPE = names('APP COMPONENT');
export const PIXEL_TYPE = names('FACEBOOK');

export interface PixelEvent { eventName: string; parameters: string[]; requiredParameters: string[] }

const V = 'value currency ';
/** `Wix.Analytics.PixelEventType`: key, eventName, parameters (`|` then the required ones). */
export const PIXEL_EVENT_TYPE: Record<string, PixelEvent> = Object.fromEntries(
  [
    `VIEW_CONTENT ViewContent ${V}content_name content_type content_ids`,
    `SEARCH Search ${V}content_category content_ids search_string`,
    `ADD_TO_CART AddToCart ${V}content_name content_type content_ids`,
    `ADD_TO_WISHLIST AddToWishlist ${V}content_name content_category content_ids`,
    `INITIATE_CHECKOUT InitiateCheckout ${V}content_name content_category content_ids num_items`,
    `ADD_PAYMENT_INFO AddPaymentInfo ${V}content_category content_ids`,
    `PURCHASE Purchase ${V}content_name content_type content_ids num_items|value currency`,
    `LEAD Lead ${V}content_name content_category`,
    `COMPLETE_REGISTRATION CompleteRegistration ${V}content_name status`,
    'CUSTOM_EVENT CustomEvent event *|event',
  ].map((row) => {
    const [main, required] = row.split('|');
    const [key, eventName, ...parameters] = main!.split(' ');
    return [key, { eventName: eventName!, parameters, requiredParameters: required ? required.split(' ') : [] }];
  }),
);
