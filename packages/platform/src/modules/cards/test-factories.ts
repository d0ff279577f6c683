/** Test data for the two-card and punishment tests: valid resident IDs and card numbers. Generated, never real. */
import { residentIdCheckCharacter } from '../events/index.js';

/** A valid resident ID registered in `county` (GB/T 2260), born 1990-01-01, with the sequence given. */
export function residentId(county: string, sequence: number): string {
  const first17 = `${county}19900101${String(sequence).padStart(3, '0')}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}

/** A 19-digit card of an unlisted BIN (no Luhn rule applies), distinct per serial. */
export const bankCard = (serial: number) => `9999${String(serial).padStart(15, '0')}`;
