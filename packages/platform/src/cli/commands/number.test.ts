import { describe, expect, it } from 'vitest';
import { runFanzha } from '../../test-support/cli.js';

const FIELDS = [
  'input',
  'kind',
  'normalized',
  'carrier',
  'virtual',
  'satellite',
  'iot',
  'homeRegion',
  'country',
  'reason',
];

/** Runs `fanzha number …` from source in a child process, as a user would. */
const fanzhaNumber = (args: string[], stdin = '') => runFanzha(['number', ...args], { stdin });

describe('fanzha number', () => {
  it('classifies stdin lines with --json: one object per input, in order, with exactly the fields', async () => {
    const input = ['13812345678', '+86 25 8412 3456', '95588', '10690000', '+852 6123 4567', '12'];
    const { code, stdout, stderr } = await fanzhaNumber(['--json'], `${input.join('\n')}\n`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.input)).toEqual(input);
    for (const line of lines) expect(Object.keys(line)).toEqual(FIELDS);
    expect(lines.map((line) => [line.kind, line.normalized])).toEqual([
      ['mobile', '+8613812345678'],
      ['fixed', '+862584123456'],
      ['service', '95588'],
      ['sms_port', '10690000'],
      ['international', '+85261234567'],
      ['invalid', null],
    ]);
    expect(lines[0]).toMatchObject({
      carrier: '中国移动',
      virtual: false,
      homeRegion: { province: '江苏省', city: '连云港市' },
    });
    expect(lines[1]).toMatchObject({ carrier: null, virtual: null, homeRegion: { city: '南京市' } });
    expect(lines[4]).toMatchObject({ country: 'HK' });
    expect(lines[5]).toMatchObject({ reason: 'too_short' });
  }, 120_000);

  it('classifies arguments into a readable table', async () => {
    const { code, stdout } = await fanzhaNumber(['17001234567', 'abc']);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/17001234567\s+mobile\s+\+8617001234567\s+中国电信\(虚拟\)/);
    expect(rows[2]).toMatch(/abc\s+invalid:not_a_number/);
  }, 120_000);
});
