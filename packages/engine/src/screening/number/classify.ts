/**
 * `classifyNumber`: any written form of a phone number → its kind in the China number plan, its
 * normalized form and what the plan says about it. Never throws: bad input is `kind: 'invalid'` with a
 * reason. Chinese numbers follow the engine's own rules (libphonenumber treats 106 ports as Beijing
 * fixed lines and rejects 95 numbers); other countries go to libphonenumber.
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import { areaCodeOf, defaultHomeRegions, type HomeRegionTable } from './home-region.js';
import { elevenDigitRange, iotRangeCarrier } from './mobile-ranges.js';
import type { Carrier, HomeRegion, NumberClassification, NumberInvalidReason } from './types.js';
import { readWrittenNumber } from './written-form.js';

/** The longest number anything in the plan has: SMS ports run to 20 digits. */
const MAX_DIGITS = 20;

export interface ClassifyOptions {
  /** Mobile home regions; defaults to the table generated from libphonenumber's data. */
  homeRegions?: HomeRegionTable;
}

export function classifyNumber(input: string, options: ClassifyOptions = {}): NumberClassification {
  const written = readWrittenNumber(typeof input === 'string' ? input : String(input));
  if (!written.ok) return invalid(input, written.reason);
  const { digits } = written;
  if (digits.length > MAX_DIGITS + 4) return invalid(input, 'too_long');
  if (written.international) {
    if (digits.startsWith('86')) return classifyChinese(input, digits.slice(2), true, options);
    return classifyInternational(input, digits);
  }
  // "86 13812345678", "8602584123456": a country code written without + or 00. No domestic number
  // starts with 86 and is 12–13 digits long, so this reading is unambiguous.
  if (digits.startsWith('86') && (digits.length === 12 || digits.length === 13)) {
    return classifyChinese(input, digits.slice(2), true, options);
  }
  return classifyChinese(input, digits, false, options);
}

function classifyChinese(
  input: string,
  digits: string,
  afterCountryCode: boolean,
  options: ClassifyOptions,
): NumberClassification {
  // Domestically a leading 0 is the trunk prefix of a long-distance call; after +86 it is a common
  // mistake ("+86 (0)25 …"). Either way the national number follows it.
  const trunk = digits.startsWith('0');
  const national = trunk ? digits.slice(1) : digits;
  if (national.length === 0) return invalid(input, 'too_short');
  if (national.length > MAX_DIGITS) return invalid(input, 'too_long');
  const first = national[0];
  // Beijing's area code 10 shares its first digit with mobiles and short codes: "010 …" and, after
  // +86, a 10-digit "10…" are Beijing fixed lines.
  const beijing = national.startsWith('10') && (trunk || (afterCountryCode && national.length === 10));
  if (first === '1' && !beijing) return classifyOne(input, national, trunk, options);
  if (trunk) return classifyFixed(input, national);
  // 95/96 service numbers are at most 8 digits; a longer 9… number is a fixed line of a 09xx area.
  if (first === '9' && national.length <= 8) return classifyNinetyPrefix(input, national);
  if (national.startsWith('400') || national.startsWith('800')) return lengthChecked(input, national, 10, 10);
  if (national.length < 7) return invalid(input, 'too_short');
  // A 7–8 digit local number: which city's, nobody can tell.
  if (national.length <= 8) return invalid(input, 'no_area_code');
  return classifyFixed(input, national);
}

/** Numbers starting with 1: mobiles, IoT, SMS ports and 1xxxx short codes. */
function classifyOne(
  input: string,
  national: string,
  afterTrunk: boolean,
  options: ClassifyOptions,
): NumberClassification {
  const second = national[1];
  if (second !== undefined && second >= '3') {
    if (national.length === 13) {
      const carrier = iotRangeCarrier(national);
      if (carrier)
        return mobile(input, national, carrier, { virtual: false, satellite: false, iot: true }, null);
    }
    const range = elevenDigitRange(national);
    if (!range) return invalid(input, national.length < 3 ? 'too_short' : 'bad_prefix');
    if (national.length < 11) return invalid(input, 'too_short');
    if (national.length > 11) return invalid(input, 'too_long');
    const homeRegions = options.homeRegions ?? defaultHomeRegions();
    return mobile(input, national, range.carrier, range, homeRegions.regionOf(national));
  }
  // 10/11/12: carrier, emergency and government short codes, 106 SMS ports, 1064x IoT.
  if (national.startsWith('106')) {
    if (national.length === 13) {
      const carrier = iotRangeCarrier(national);
      if (carrier)
        return mobile(input, national, carrier, { virtual: false, satellite: false, iot: true }, null);
    }
    if (afterTrunk) return invalid(input, 'bad_prefix');
    if (national.length < 7) return invalid(input, 'too_short');
    return bare(input, 'sms_port', national);
  }
  if (afterTrunk) return invalid(input, 'bad_prefix');
  if (second === '0' || second === '1' || second === '2') {
    // 110, 119, 120, 122; 10086, 10010, 10000, 10099; 12345, 12315, 12381; 1008611 and the like.
    return lengthChecked(input, national, 3, 8);
  }
  return invalid(input, national.length < 3 ? 'too_short' : 'bad_prefix');
}

/** 95xxx (national, 5–8 digits) and 96xxx (local, 5–6 digits) service numbers. */
function classifyNinetyPrefix(input: string, national: string): NumberClassification {
  if (national.startsWith('95')) return lengthChecked(input, national, 5, 8);
  if (national.startsWith('96')) return lengthChecked(input, national, 5, 6);
  return invalid(input, national.length < 5 ? 'too_short' : 'bad_prefix');
}

function lengthChecked(input: string, national: string, min: number, max: number): NumberClassification {
  if (national.length < min) return invalid(input, 'too_short');
  if (national.length > max) return invalid(input, 'too_long');
  return bare(input, 'service', national);
}

/** Area code (2–3 digits without the trunk 0) + a 7–8 digit subscriber number. */
function classifyFixed(input: string, national: string): NumberClassification {
  const area = areaCodeOf(national);
  if (!area) return invalid(input, national.length < 3 ? 'too_short' : 'unknown_area_code');
  const subscriber = national.slice(area.code.length);
  // Beijing, Shanghai and the other 2-digit areas have 8-digit subscriber numbers; elsewhere 7 or 8.
  const min = area.code.length === 2 ? 8 : 7;
  if (subscriber.length < min) return invalid(input, 'too_short');
  if (subscriber.length > 8) return invalid(input, 'too_long');
  if (subscriber[0] === '0' || subscriber[0] === '1') return invalid(input, 'bad_prefix');
  return {
    ...empty(input, 'fixed'),
    normalized: `+86${national}`,
    homeRegion: area.region,
  };
}

function classifyInternational(input: string, digits: string): NumberClassification {
  const e164 = `+${digits}`;
  const lengthProblem = validatePhoneNumberLength(e164);
  if (lengthProblem === 'INVALID_COUNTRY') return invalid(input, 'unknown_country_code');
  if (lengthProblem === 'TOO_SHORT' || lengthProblem === 'NOT_A_NUMBER') return invalid(input, 'too_short');
  if (lengthProblem === 'TOO_LONG') return invalid(input, 'too_long');
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return invalid(input, 'unknown_country_code');
  // A number whose country libphonenumber cannot pin down (shared calling codes such as +1 with an
  // unallocated area code) keeps the calling code's main country: spoofed caller ids look like this.
  const country = parsed.country ?? parsed.getPossibleCountries()[0] ?? null;
  return { ...empty(input, 'international'), normalized: parsed.number, country };
}

function mobile(
  input: string,
  national: string,
  carrier: Carrier,
  flags: { virtual: boolean; satellite: boolean; iot: boolean },
  homeRegion: HomeRegion | null,
): NumberClassification {
  // A literal, not a spread of empty(): this is the hot path of number screening.
  return {
    input,
    kind: 'mobile',
    normalized: `+86${national}`,
    carrier,
    virtual: flags.virtual,
    satellite: flags.satellite,
    iot: flags.iot,
    homeRegion,
    country: null,
    reason: null,
  };
}

function bare(input: string, kind: 'service' | 'sms_port', national: string): NumberClassification {
  return { ...empty(input, kind), normalized: national };
}

function invalid(input: string, reason: NumberInvalidReason): NumberClassification {
  return { ...empty(input, 'invalid'), reason };
}

function empty(input: string, kind: NumberClassification['kind']): NumberClassification {
  return {
    input,
    kind,
    normalized: null,
    carrier: null,
    virtual: false,
    satellite: false,
    iot: false,
    homeRegion: null,
    country: null,
    reason: null,
  };
}
