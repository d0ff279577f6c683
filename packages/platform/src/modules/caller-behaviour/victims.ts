/**
 * "Callees who later became victims": the numbers of people defrauded, from the cases (victims'
 * numbers) and the warnings closed as paid, read through those modules' public entries every minute
 * from a watermark and handed to the CDR stream's windows.
 */
import type { Context } from '../../context.js';
import { findCaseVictimPhones } from '../cases/index.js';
import { findPaidWarningPhones } from '../warnings/index.js';

/** A number's comparable form: digits only, without the +86 / 0086 country prefix. */
export function nationalKey(number: string): string {
  let digits = number.replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits;
}

export class VictimFeed {
  private casesSince: Date | null = null;
  private warningsSince: Date | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: Context,
    private readonly add: (numbers: string[]) => void,
  ) {}

  /** Reads the victims known since the last call; returns how many numbers were read. */
  async refresh(): Promise<number> {
    const cases = await findCaseVictimPhones(this.ctx.db, this.casesSince);
    const warnings = await findPaidWarningPhones(this.ctx.db, this.warningsSince);
    this.casesSince = cases.latest;
    this.warningsSince = warnings.latest;
    this.add([...cases.phones, ...warnings.phones]);
    return cases.phones.length + warnings.phones.length;
  }

  start(intervalMs: number, onError: (error: unknown) => void): void {
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => void this.refresh().catch(onError), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
