/** Bank card numbers that pass the Luhn check, with BINs of large Chinese banks. */
import type { Rng } from './random.js';

const BINS = ['622202', '621700', '622848', '621661', '622588', '622700', '621483', '622262'];

function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Doubling starts from the digit next to the check digit, i.e. the last digit of the body.
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A 19-digit debit card number (the common length for Chinese debit cards). */
export function bankCard(rng: Rng): string {
  const body = rng.pick(BINS) + rng.digits(12);
  return body + luhnCheckDigit(body);
}
