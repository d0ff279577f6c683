import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_WARNING_DEADLINES, loadConfig, parseWarningDeadlines } from '../../config.js';

describe('FANZHA_WARNING_DEADLINES', () => {
  it('defaults to red 5 minutes, orange 30 minutes, yellow 24 hours', () => {
    expect(loadConfig({}).warningDeadlines).toEqual({ red: 300_000, orange: 1_800_000, yellow: 86_400_000 });
    expect(parseWarningDeadlines('')).toEqual(DEFAULT_WARNING_DEADLINES);
  });

  it('reads any subset of the levels in s, m, h or d', () => {
    expect(parseWarningDeadlines('red:90s, yellow:2d')).toEqual({
      red: 90_000,
      orange: 1_800_000,
      yellow: 172_800_000,
    });
    expect(loadConfig({ FANZHA_WARNING_DEADLINES: 'orange:1h' }).warningDeadlines.orange).toBe(3_600_000);
  });

  it.each(['red=5m', 'red:5', 'purple:5m', 'red:0m', 'red:5m;orange:30m'])('refuses %j', (raw) =>
    expect(() => parseWarningDeadlines(raw)).toThrow(ConfigError),
  );
});
