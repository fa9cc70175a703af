// The host's signed `instance` token: real shape, readable by Wix.js's atob, verifiable with the secret.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePayload, signInstance, verifyInstance, type InstancePayload } from '../src/host/instance-token';

const payloads = fc.record({
  instanceId: fc.string({ unit: 'binary' }),
  signDate: fc.constant('2026-01-01T00:00:00.000Z'),
  uid: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
  permissions: fc.constantFrom('', 'OWNER'),
  note: fc.string({ unit: fc.constantFrom('>', '?', '~', '_', '|', '}', 'a', 'é', '\u007f', '😀') }),
}) as fc.Arbitrary<InstancePayload>;

describe('instance token', () => {
  it('encodes any payload as base64url that is also plain base64 (the SDK decodes it with atob) and decodes to the same value', () => {
    fc.assert(fc.property(payloads, (p) => {
      const encoded = encodePayload(p);
      expect(encoded).toMatch(/^[A-Za-z0-9]*$/);
      // What Wix.js 1.90.0 does with it: JSON.parse(atob(payload)).
      expect(JSON.parse(atob(encoded))).toEqual(p);
    }), { numRuns: 300 });
  });

  it('signs with HMAC-SHA256 of the payload text; verify accepts it, and rejects another secret or a changed payload', async () => {
    const p: InstancePayload = { instanceId: 'i-1', signDate: '2026-01-01T00:00:00.000Z', uid: null, permissions: '' };
    const token = await signInstance(p, 'secret');
    const [sig, payload] = token.split('.');
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const expected = Buffer.from(await crypto.subtle.sign('HMAC', await crypto.subtle.importKey('raw', Buffer.from('secret'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']), Buffer.from(payload!))).toString('base64url');
    expect(sig).toBe(expected);
    expect(await verifyInstance(token, 'secret')).toEqual(p);
    expect(await verifyInstance(token, 'other')).toBeNull();
    expect(await verifyInstance(`${sig}.${encodePayload({ ...p, permissions: 'OWNER' })}`, 'secret')).toBeNull();
    for (const bad of ['', '.', 'abc', `${sig}.`, `.${payload}`, `${sig}.!!!`]) expect(await verifyInstance(bad, 'secret')).toBeNull();
  });
});
