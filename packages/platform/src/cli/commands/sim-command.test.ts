/** `fanzha sim` as a user runs it: an embedded platform, progress on stderr, the figures alone on stdout. */
import { describe, expect, it } from 'vitest';
import { runFanzha } from '../../test-support/cli.js';

describe('fanzha sim', () => {
  it('prints exactly one JSON line of figures on stdout with --report json', async () => {
    const day = 86_400_000;
    const chinaOffset = 8 * 3_600_000;
    const yesterdayAtTen =
      Math.floor((Date.now() + chinaOffset) / day) * day - chinaOffset - day + 10 * 3_600_000;
    const result = await runFanzha([
      'sim',
      ...['--start', new Date(yesterdayAtTen).toISOString(), '--hours', '0.25'],
      ...['--population', '500', '--report', 'json'],
    ]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(Object.keys(JSON.parse(lines[0]!)).sort()).toEqual(
      [
        'callerBehaviour',
        'dissuaded',
        'eventsPerSecond',
        'falseAlarmRate',
        'lossAvoided',
        'medianSecondsToWarning',
        'victims',
        'warnedBeforePayment',
      ].sort(),
    );
    expect(result.stderr).toContain('sim: started an embedded platform');
  }, 300_000);

  it('refuses a period that ends in the future at --speed max', async () => {
    const result = await runFanzha(['sim', '--start', new Date(Date.now() + 3_600_000).toISOString()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('must end by now');
  }, 120_000);
});
