/**
 * Masking of personal data for lists and logs: enough to recognise a record (138****5678), never
 * enough to use it. Revealing the full value goes through a service that asks for a reason and
 * writes an audit row.
 */

/** `13812345678` → `138****5678`; `+8613812345678` → `+86138****5678`; short numbers keep only their last digit. */
export function maskPhone(phone: string): string {
  const compact = phone.trim().replace(/[\s()-]/g, '');
  const country = compact.startsWith('+86') ? '+86' : compact.startsWith('+') ? '+' : '';
  const digits = compact.slice(country.length);
  if (!/^\d+$/.test(digits)) return '*'.repeat(Math.min(compact.length, 8));
  if (digits.length >= 8) return `${country}${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${country}${'*'.repeat(Math.max(digits.length - 1, 1))}${digits.slice(-1)}`;
}

/** Resident ID `320102199001011234` → `3201**********1234` (keeps the region prefix and the last four). */
export function maskIdNumber(id: string): string {
  const value = id.trim().toUpperCase();
  if (value.length < 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** Bank card `6222021234567890123` → `622202*********0123` (BIN and last four, as banks print them). */
export function maskBankCard(card: string): string {
  const value = card.replace(/[\s-]/g, '');
  if (value.length < 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** A person's name: `张三` → `张*`, `欧阳娜娜` → `欧***`, `Zhang San` → `Z********`. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
