/**
 * The batch screening fast path's reading of the commonest item: a mainland mobile number written as
 * 11 bare ASCII digits ("13812345678"). For such a number in an allocated range, `classifyNumber`
 * answers a mobile normalized to "+86" and the same digits; this gives that number's E.164 value
 * (8613812345678) without building a classification (carrier, home region) nobody reads there.
 */
import { elevenDigitRange } from './mobile-ranges.js';

/** 86 · 10¹¹: the country code in front of an 11-digit national number's value. */
const CHINA = 86e11;
let allocated: Uint8Array | undefined;

/** Per 4-digit prefix 1300–1999: whether an 11-digit number starting with it is in an allocated range. */
function allocatedPrefixes(): Uint8Array {
  if (allocated) return allocated;
  const table = new Uint8Array(2000);
  for (let prefix = 1300; prefix < 2000; prefix++) table[prefix] = elevenDigitRange(String(prefix)) ? 1 : 0;
  return (allocated = table);
}

/**
 * The E.164 value of `input` when it is 11 bare ASCII digits of an allocated mainland mobile range,
 * else -1 (then `classifyNumber` has the answer: another form, kind or an invalid number).
 */
export function plainMobileE164Value(input: string): number {
  if (input.length !== 11 || input.charCodeAt(0) !== 49 /* 1 */) return -1;
  let value = 0;
  for (let i = 0; i < 11; i++) {
    const digit = input.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  const prefix = Math.floor(value / 1e7);
  if (prefix < 1300 || allocatedPrefixes()[prefix] !== 1) return -1;
  return CHINA + value;
}
