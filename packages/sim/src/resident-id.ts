/**
 * 18-digit resident identity numbers (居民身份证号码, GB 11643-1999): 6 digits of the county of
 * registered residence, the birth date, a 3-digit sequence (odd for men) and the ISO 7064 MOD 11-2
 * check character. The simulator only makes them up; the platform verifies the check character.
 */
import type { Rng } from './random.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The check character of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

export function isValidResidentId(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && residentIdCheckCharacter(id.slice(0, 17)) === id[17];
}

/** A made-up, well-formed ID of someone registered in `countyCode`, born 1945–2006. */
export function generateResidentId(rng: Rng, countyCode: string): string {
  if (!/^\d{6}$/.test(countyCode)) throw new Error(`a county code has 6 digits: ${countyCode}`);
  const year = rng.int(1945, 2006);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const sequence = rng.int(1, 999);
  const first17 =
    countyCode +
    String(year) +
    String(month).padStart(2, '0') +
    String(day).padStart(2, '0') +
    String(sequence).padStart(3, '0');
  return first17 + residentIdCheckCharacter(first17);
}
