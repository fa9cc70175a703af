// Ids: UUIDv7-shaped, unique, and sorted in creation order as strings, across many refills of the
// random pool and within one millisecond.
import { describe, expect, it } from 'vitest';
import { createIdFactory } from '../src/core/ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids', () => {
  it('10,000 ids from one millisecond and a clock that goes back are well-formed, distinct and in order', () => {
    let t = 1_700_000_000_000;
    const newId = createIdFactory(() => (t -= 1)); // a clock running backwards keeps the last time
    const ids = Array.from({ length: 10_000 }, () => newId());
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
  it('the random part differs between ids made in the same millisecond', () => {
    const newId = createIdFactory(() => 0);
    const tails = new Set(Array.from({ length: 2_000 }, () => newId().slice(-12)));
    expect(tails.size).toBe(2_000);
  });
});
