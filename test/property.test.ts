import { it } from 'vitest';
import { isIsoDate, isoToMillis } from '../src/core/iso-date';
it('x', () => {
  for (const s of ['2024-01-01', '2024-01-01T10:00:00Z', '2024-01-01T10:00:00.123+02:00', '2024-01-01T10:00', '2024-01-01 10:00:00', '2014-08-19T08:20:45.484-05:00', '2024-01-01T10:00:00+0530', '1999-12-31T23:59:59.999999Z', '2024-02-30', '2024-01-01T10:00:60Z', '0000-01-01', '2024-01-01T10:00+05:30', '2024-1-1'])
    console.log(JSON.stringify(s), isIsoDate(s), isIsoDate(s) ? isoToMillis(s) : '', Date.parse(s));
});
