/**
 * IMEI (device identity, 3GPP TS 23.003): 8 digits of type allocation code (TAC), 6 of serial number,
 * then either a Luhn check digit (the 15-digit IMEI on the box and under *#06#) or a 2-digit software
 * version (the 16-digit IMEISV that networks and some CDRs carry). Investigators also copy the bare
 * 14-digit TAC + serial from tools that drop the check digit.
 *
 * One device is the TAC and serial, so every written form normalises to the 15-digit IMEI with its
 * check digit computed from those 14 digits: an IMEI, its IMEISV and its 14-digit body match, and the
 * normalized value is still what a person reads off the phone. Never throws.
 */
import { luhnValid } from '../account/classify-account.js';

export type ImeiInvalidReason =
  'empty' | 'not_digits' | 'too_short' | 'too_long' | 'bad_checksum' | 'placeholder';

export type NormalizedImei =
  | {
      ok: true;
      /** The 15-digit IMEI: TAC, serial and the computed Luhn check digit. */
      normalized: string;
      /** The 8-digit type allocation code (the device model). */
      tac: string;
      /** The software version of an IMEISV, else null. */
      softwareVersion: string | null;
    }
  | { ok: false; reason: ImeiInvalidReason };

/** Separators people and tools put inside IMEIs ("35-209900-176148-1", "35 209900 176148 1"). */
const SEPARATORS = /[\s\-/.\u3000]/g;
/** A label in front ("IMEI: …", "IMEISV …", "imei2=…" of a dual-SIM phone): dropped. */
const LABEL = /^imei(?:sv)?(?:[12](?=[\s:=]))?\s*[:=]?\s*/i;

export function normalizeImei(value: string): NormalizedImei {
  const text = String(value ?? '')
    .normalize('NFKC')
    .trim()
    .replace(LABEL, '');
  const digits = text.replace(SEPARATORS, '');
  if (digits.length === 0) return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'not_digits' };
  if (digits.length < 14) return { ok: false, reason: 'too_short' };
  if (digits.length > 16) return { ok: false, reason: 'too_long' };
  if (digits.length === 15 && !luhnValid(digits)) return { ok: false, reason: 'bad_checksum' };
  const body = digits.slice(0, 14);
  // Emulators and wiped phones answer all zeros: listing it would hit every such device at once.
  if (/^0+$/.test(body)) return { ok: false, reason: 'placeholder' };
  return {
    ok: true,
    normalized: body + imeiCheckDigit(body),
    tac: body.slice(0, 8),
    softwareVersion: digits.length === 16 ? digits.slice(14) : null,
  };
}

/** The Luhn check digit of a 14-digit IMEI body. */
export function imeiCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(body + digit)) return String(digit);
  return '0'; // unreachable for digits: one of ten candidates always checks
}
