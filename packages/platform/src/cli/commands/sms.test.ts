import { describe, expect, it } from 'vitest';
import { runFanzha } from '../../test-support/cli.js';

/** Runs `fanzha …` from source in a child process, as a user would. */
const fanzha = (args: string[], stdin: string) => runFanzha(args, { stdin });

describe('fanzha sms classify', () => {
  it('prints one line per input, in order, with exactly label, score, fraudType and evidence', async () => {
    const texts = [
      '您好，我是深圳市公安局的警察，您的银行卡涉嫌洗钱，请加威/信配合调查，将资金转入安全账户。',
      '晚上一起吃饭吗？我七点下班',
      '本店三八节全场八折，买一送一，欢迎新老顾客惠顾，详情进店咨询，地址：人民路xx号',
    ];
    const stdin = [...texts.map((text) => JSON.stringify({ text })), 'not json', '{"id":1}', ''].join('\n');
    const { code, stdout, stderr } = await fanzha(['sms', 'classify'], stdin);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    for (const line of lines.slice(0, 3))
      expect(Object.keys(line)).toEqual(['label', 'score', 'fraudType', 'evidence']);
    expect(lines.slice(0, 3).map((l) => l.label)).toEqual(['fraud', 'normal', 'spam']);
    expect(lines[0]).toMatchObject({ fraudType: 'fake_police' });
    expect(lines[0]!.evidence).toContainEqual(expect.objectContaining({ kind: 'pattern', text: '安全账户' }));
    expect(lines[3]).toEqual({ line: 4, error: 'not valid JSON' });
    expect(lines[4]).toMatchObject({ line: 5 });
  }, 120_000);

  it('streams a long input: one line out per line in, errors at their own line numbers', async () => {
    const lines = Array.from({ length: 600 }, (_, i) =>
      i % 97 === 5 ? `{"text": ${i}}` : JSON.stringify({ text: `第${i}条：晚上一起吃饭吗？` }),
    );
    const { code, stdout } = await fanzha(['sms', 'classify'], lines.join('\n'));
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line?: number; label?: string });
    expect(out).toHaveLength(600);
    out.forEach((result, i) => {
      if (i % 97 === 5) expect(result.line).toBe(i + 1);
      else expect(result.label).toBe('normal');
    });
  }, 120_000);
});
