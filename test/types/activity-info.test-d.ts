// postActivity's `info` is typed per activity type, inferred from the zod schemas (SPEC §2.2):
// a wrong or missing field is a compile error for every spelling of a type, an unknown extra key
// is not. Run by `vitest` (typecheck.include in vitest.config.ts); a failing check fails the run.
import { describe, expectTypeOf, it } from 'vitest';
import { createShim } from '../../src/index';
import type { ActivityDescriptor } from '../../src/wix/activities';
import type { ActivityInfo } from '../../src/core/activity-schemas';

const { Wix } = createShim({ dbName: 'types-only' });
const T = Wix.Activities.Type;
const details = { additionalInfoUrl: null, summary: '' };
const post = Wix.Activities.postActivity;
type Info<K extends ActivityDescriptor['type']> = ActivityInfo<K>;

describe('postActivity info, per type', () => {
  it('form/contact-form: content needs its message', () => {
    // @ts-expect-error content.message is required
    post({ type: T.FORM_CONTACT_FORM, info: { content: {} }, details });
    // @ts-expect-error content.message must be a string
    post({ type: T.FORM_CONTACT_FORM, info: { content: { message: 5 } }, details });
    post({ type: T.FORM_CONTACT_FORM, info: { content: { message: 'hi' }, anyExtraKey: { kept: true } }, details });
    expectTypeOf<Info<'form/contact-form'>['content']>().toEqualTypeOf<Info<typeof T.FORM_CONTACT_FORM>['content']>();
  });

  it('e_commerce/purchase under the SDK, canonical and docs spellings', () => {
    const purchase = {
      cartId: 'c', storeId: 's',
      items: [{ id: '1', title: 'Mug', quantity: 1, currency: 'USD', variants: [] }],
      payment: { total: 10, subtotal: 10, currency: 'USD' },
    };
    post({ type: T.ECOMMERCE_PURCHASE, info: purchase, details });
    post({ type: 'ecommerce/purchase', info: purchase, details });
    // @ts-expect-error quantity must be a number
    post({ type: 'e_commerce/purchase', info: { ...purchase, items: [{ ...purchase.items[0]!, quantity: 'one' }] }, details });
    // @ts-expect-error items is required
    post({ type: 'ecommerce/purchase', info: { cartId: 'c', storeId: 's', payment: purchase.payment }, details });
    expectTypeOf<Info<'ecommerce/purchase'>>().toEqualTypeOf<Info<'e_commerce/purchase'>>();
  });

  it('messaging/im: the SDK spells it Messaging/im; type is an enum', () => {
    post({ type: T.MESSAGE_IM, info: { type: 'CHAT' }, details });
    // @ts-expect-error CALL is not one of CHAT|SMS|chat|sms
    post({ type: T.MESSAGE_IM, info: { type: 'CALL' }, details });
    expectTypeOf<Info<'Messaging/im'>['type']>().toEqualTypeOf<'CHAT' | 'SMS' | 'chat' | 'sms'>();
  });

  it('hotels/cancel, also as hotel/cancel: guests, stay, refund and invoice are required', () => {
    // @ts-expect-error guests, stay, cancelDate, refund and invoice are missing
    post({ type: 'hotel/cancel', info: { reservationId: 'r' }, details });
    const cancel = {
      guests: { total: 1, adults: 1, children: 0 }, stay: { checkin: '2024-01-01', checkout: '2024-01-02' }, cancelDate: '2024-01-01',
      refund: { kind: 'FULL', total: 1, currency: 'USD', destination: 'card' }, invoice: { subtotal: 1, total: 1, currency: 'USD' },
    } as const;
    post({ type: T.HOTELS_CANCEL, info: cancel, details });
    // @ts-expect-error guests.adults must be a number
    post({ type: T.HOTELS_CANCEL, info: { ...cancel, guests: { total: 1, adults: '1', children: 0 } }, details });
    expectTypeOf<Info<'hotel/cancel'>['guests']>().toEqualTypeOf<{ [k: string]: unknown; total: number; adults: number; children: number }>();
  });

  it('music/album-share: sharedTo is one of the five networks', () => {
    post({ type: T.ALBUM_SHARE, info: { album: { name: 'A' }, sharedTo: 'TWITTER' }, details });
    // @ts-expect-error MYSPACE is not a network the schema lists
    post({ type: T.ALBUM_SHARE, info: { album: { name: 'A' }, sharedTo: 'MYSPACE' }, details });
  });

  it('social/share-url: either published variant', () => {
    post({ type: T.SOCIAL_SHARE_URL, info: { url: 'https://x.example', channel: 'FACEBOOK' }, details });
    post({ type: T.SOCIAL_SHARE_URL, info: { channel: 'SITE', itemInfo: { itemUrl: 'u', itemId: 'i', itemType: 'PAGE' } }, details });
    // @ts-expect-error neither variant: no url and no itemInfo
    post({ type: T.SOCIAL_SHARE_URL, info: { channel: 'FACEBOOK' }, details });
  });

  it('restaurants/order: options nest to any depth', () => {
    const item = { id: '1', title: 'Pizza', quantity: 1, currency: 'USD', variants: [{ title: 'Size', value: [{ title: 'L', value: [{ title: 'thin' }] }] }] };
    post({ type: T.RESTAURANTS_ORDER, info: { restaurantId: 'r', restaurantName: 'R', orderId: 'o', items: [item], payment: { total: 1, subTotal: 1, currency: 'USD' } }, details });
    // @ts-expect-error a nested option needs its title
    post({ type: T.RESTAURANTS_ORDER, info: { restaurantId: 'r', restaurantName: 'R', orderId: 'o', items: [{ ...item, variants: [{ title: 'Size', value: [{ value: [] }] }] }], payment: { total: 1, subTotal: 1, currency: 'USD' } }, details });
  });

  it('every one of the 40 SDK values has a typed info (none falls back to any)', () => {
    type Values = (typeof T)[keyof typeof T];
    expectTypeOf<Info<Values>>().not.toBeAny();
    expectTypeOf<ActivityDescriptor['type']>().toEqualTypeOf<ActivityDescriptor['type'] | Values>();
  });

  it('an unknown type is a compile error', () => {
    // @ts-expect-error not an activity type
    post({ type: 'form/unknown', info: {}, details });
  });
});
