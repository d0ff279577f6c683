/** Test data for the cases tests: request bodies and valid card numbers. Generated, never real. */
import { luhnValid } from '@fanzha/engine';
import type { CaseCreateBody } from './schemas.js';

/** A bank card of the prefix with its Luhn check digit, e.g. luhnCard('622202123456789') → 16 digits. */
export function luhnCard(prefix: string): string {
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(`${prefix}${digit}`)) return `${prefix}${digit}`;
  throw new Error('unreachable');
}

let serial = 0;

/** A distinct mobile number per call (13 + 9 digits), written as a victim would: with spaces. */
export function mobile(): string {
  const digits = `139${String(10_000_000 + ++serial * 7919).slice(-8)}`;
  return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
}

export function caseBody(overrides: Partial<CaseCreateBody> = {}): CaseCreateBody {
  return {
    fraudType: 'fake_police',
    victim: { name: '张三', phone: '13912345678', idNumber: '320102199001011234' },
    amountLost: 52_000,
    occurredAt: '2026-11-20T06:30:00.000Z',
    reportedAt: '2026-11-21T01:00:00.000Z',
    narrative: '受害人接到自称公安局的电话，称其涉嫌洗钱，按要求向“安全账户”转账。',
    timeline: [{ at: '2026-11-20T06:30:00.000Z', event: '接到自称公安局的电话' }],
    footprints: [],
    ...overrides,
  };
}
