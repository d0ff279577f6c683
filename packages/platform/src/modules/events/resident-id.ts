/**
 * The 18-character resident identity number (公民身份号码, GB 11643-1999): 6 digits of the county of
 * registered residence (GB/T 2260), 8 of the birth date, 3 of sequence, and a check character computed
 * with ISO 7064 MOD 11-2 over the first 17 ('X' stands for 10).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** Why a resident ID is not valid, or null when it is. `value` must already be upper-cased. */
export function residentIdProblem(value: string): string | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'must be 17 digits and a check digit or X (18 characters)';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1850 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day)
    return `has no valid birth date (${value.slice(6, 14)})`;
  const expected = residentIdCheckCharacter(value);
  if (value[17] !== expected) return `fails the GB 11643 checksum (check character should be ${expected})`;
  return null;
}
