import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luhnValid } from '../account/classify-account.js';
import { imeiCheckDigit, normalizeImei } from './imei.js';

/** The IMEI of 3GPP TS 23.003's example: TAC 49015420, serial 323751, check digit 8. */
const IMEI = '490154203237518';

describe('normalizeImei', () => {
  it.each([
    [IMEI, null],
    ['49-015420-323751-8', null],
    ['49 015420 323751 8', null],
    ['IMEI: 490154203237518', null],
    ['imei1=490154203237518', null],
    ['４９０１５４２０３２３７５１８', null],
    ['49015420323751', null],
    ['4901542032375102', '02'],
    ['IMEISV 49-015420-323751-97', '97'],
  ])('reads %j as the device %s', (written, softwareVersion) => {
    expect(normalizeImei(written)).toEqual({ ok: true, normalized: IMEI, tac: '49015420', softwareVersion });
  });

  it.each([
    ['', 'empty'],
    ['IMEI:', 'empty'],
    ['4901542032375I8', 'not_digits'],
    ['4901542032375', 'too_short'],
    ['49015420323751800', 'too_long'],
    ['490154203237519', 'bad_checksum'],
    ['000000000000000', 'placeholder'],
    ['00000000000000', 'placeholder'],
  ])('says why %j is not an IMEI: %s', (written, reason) => {
    expect(normalizeImei(written)).toEqual({ ok: false, reason });
  });

  describe('properties', () => {
    const body = fc.stringMatching(/^\d{14}$/).filter((b) => !/^0+$/.test(b));

    it('never throws', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d\s-]{10,20}$/)), (value) => {
          normalizeImei(value);
        }),
        { numRuns: 3000 },
      );
    });

    it('is idempotent', () => {
      const value = fc.oneof(fc.string(), body, fc.stringMatching(/^\d{14,16}$/));
      fc.assert(
        fc.property(value, (v) => {
          const first = normalizeImei(v);
          if (!first.ok) return;
          expect(normalizeImei(first.normalized)).toEqual({ ...first, softwareVersion: null });
        }),
        { numRuns: 3000 },
      );
    });

    it('matches an IMEI, its IMEISV and its 14-digit body as one device', () => {
      fc.assert(
        fc.property(body, fc.stringMatching(/^\d{2}$/), (b, svn) => {
          const imei = b + imeiCheckDigit(b);
          expect(luhnValid(imei)).toBe(true);
          const forms = [imei, b, b + svn, imei.replace(/^(\d{2})(\d{6})(\d{6})/, '$1-$2-$3-')];
          for (const form of forms) expect(normalizeImei(form)).toMatchObject({ ok: true, normalized: imei });
        }),
      );
    });

    it('refuses every wrong check digit', () => {
      fc.assert(
        fc.property(body, fc.integer({ min: 1, max: 9 }), (b, shift) => {
          const wrong = (Number(imeiCheckDigit(b)) + shift) % 10;
          expect(normalizeImei(b + wrong)).toEqual({ ok: false, reason: 'bad_checksum' });
        }),
      );
    });
  });
});
