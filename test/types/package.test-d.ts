// The published types keep the per-type `info` (rollup-plugin-dts bundles them into
// dist/index.d.ts, with zod's types imported from the zod dependency), and the schemas subpath
// gives the same inferred types. Resolved by package name through package.json `exports`, so this
// needs `npm run build` first (npm test builds).
import { describe, expectTypeOf, it } from 'vitest';
import { Wix, type ActivityDescriptor } from 'wix-hive-shim';
import { activityInfoSchema, type ActivityInfo } from 'wix-hive-shim/schemas';
import type * as z from 'zod/mini';

const details = { additionalInfoUrl: null, summary: '' };

describe('dist/index.d.ts and dist/schemas.d.ts', () => {
  it('postActivity rejects a wrong info field at compile time, for five types', () => {
    const post = Wix.Activities.postActivity;
    // @ts-expect-error content.message is required
    post({ type: Wix.Activities.Type.FORM_CONTACT_FORM, info: { content: {} }, details });
    // @ts-expect-error fields must be a list of {name, value}
    post({ type: Wix.Activities.Type.FORM_FORM, info: { type: 'SURVEY', fields: [{ name: 'q' }] }, details });
    // @ts-expect-error conversionType is an enum
    post({ type: Wix.Activities.Type.CONVERSION_COMPLETE, info: { conversionType: 'SALE' }, details });
    // @ts-expect-error track.name must be a string
    post({ type: Wix.Activities.Type.TRACK_PLAY, info: { track: { name: 7 } }, details });
    // @ts-expect-error recipient.destination.target is required
    post({ type: Wix.Activities.Type.SEND_MESSAGE, info: { recipient: { method: 'EMAIL', destination: {} } }, details });
    post({ type: Wix.Activities.Type.FORM_CONTACT_FORM, info: { content: { message: 'hi' }, unknownExtra: 1 }, details });
  });

  it('the exported schema infers the same info type postActivity takes', () => {
    const schema = activityInfoSchema('form/contact-form');
    expectTypeOf<z.input<typeof schema>>().toEqualTypeOf<ActivityInfo<'form/contact-form'>>();
    expectTypeOf<Extract<ActivityDescriptor, { type: 'form/contact-form' }>['info']>().toEqualTypeOf<ActivityInfo<'form/contact-form'>>();
  });
});
