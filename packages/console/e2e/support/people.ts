/** Test persons for browser tests: generated, never real. */

/** A valid resident ID of the county (GB 11643 check character), born 1990-01-01. */
export function residentId(county: string, sequence: number): string {
  const first17 = `${county}19900101${String(sequence % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}
