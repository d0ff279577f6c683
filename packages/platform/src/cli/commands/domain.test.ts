import { describe, expect, it } from 'vitest';
import { runFanzha } from '../../test-support/cli.js';

/** Runs `fanzha …` from source in a child process, as a user would. */
const fanzha = (args: string[], stdin: string) => runFanzha(args, { stdin });

describe('fanzha domain score', () => {
  it('prints {domain, score, verdict, contributions} per input line, in order', async () => {
    const domains = ['icbc-login.top', 'icbc.com.cn', 'www.icbc.com.cn.verify.top', 'ludashi.com'];
    const { code, stdout, stderr } = await fanzha(['domain', 'score'], `${domains.join('\n')}\n\n`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { domain: string; score: number; verdict: string; contributions: unknown[] },
      );
    expect(lines.map((l) => l.domain)).toEqual(domains);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['domain', 'score', 'verdict', 'contributions']);
      expect(line.score).toBeGreaterThanOrEqual(0);
      expect(line.score).toBeLessThanOrEqual(1);
    }
    expect(lines.map((l) => l.verdict)).toEqual(['suspicious', 'benign', 'suspicious', 'benign']);
    expect(lines[0]!.contributions).toContainEqual(
      expect.objectContaining({ feature: 'brand_added_words', brand: 'icbc' }),
    );
  }, 120_000);

  it('rejects a threshold outside 0..1', async () => {
    const { code, stderr } = await fanzha(['domain', 'score', '--threshold', '2'], '');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/0 to 1/);
  }, 120_000);
});

describe('fanzha domain watch', () => {
  it('prints only the candidates, once each', async () => {
    const { code, stdout } = await fanzha(
      ['domain', 'watch'],
      'ludashi.com\n*.taobao-refund.vip\ntaobao-refund.vip\n',
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; domain: string });
    expect(lines.map((l) => [l.line, l.domain])).toEqual([[2, 'taobao-refund.vip']]);
  }, 120_000);
});
