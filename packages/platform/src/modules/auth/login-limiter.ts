/**
 * Counts failed logins per username and per client address over a sliding window. Past the limit,
 * login answers 429 without checking the password, which stops online guessing. Kept in memory: each
 * platform instance limits on its own, which is enough against guessing through one instance and
 * needs no shared state. Keys are `user:<name>` or `ip:<address>`; an address gets ten times the
 * allowance of a username because a whole station may sit behind one NAT address.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  isBlocked(keys: string[], now: number): boolean {
    return keys.some((key) => this.recent(key, now).length >= this.limitOf(key));
  }

  private limitOf(key: string): number {
    return key.startsWith('ip:') ? this.maxFailures * 10 : this.maxFailures;
  }

  recordFailure(keys: string[], now: number): void {
    for (const key of keys) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.set(key, times);
    }
    if (this.failures.size > 100_000) this.prune(now);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((t) => now - t >= this.windowMs)) this.failures.delete(key);
    }
  }
}
