/**
 * The administration commands on an embedded store in a temporary folder: what an IT team does on a
 * new deployment (migrate, load the org tree, create the first admin) and checks afterwards.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFanzha } from '../test-support/cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'fanzha-cli-'));
// The CLI tests always use embedded PGlite: a DATABASE_URL run must not write into the shared server's public schema.
const env = { FANZHA_DATA_DIR: dataDir, DATABASE_URL: '', FANZHA_PROVINCE: '32' };

describe('fanzha administration commands', { timeout: 120_000 }, () => {
  it('--help lists the sub-commands', async () => {
    const result = await runFanzha(['--help'], { env });
    expect(result.code).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'user', 'units'])
      expect(result.stdout).toContain(command);
  });

  it('migrate applies the migrations, then reports the store up to date', async () => {
    const first = await runFanzha(['migrate'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('applied 1_create_units');
    const status = await runFanzha(['migrate', '--status'], { env });
    expect(status.stdout.trim()).toBe('up to date');
  });

  it('user add creates the first admin, reading the password from FANZHA_PASSWORD', async () => {
    const result = await runFanzha(
      [
        'user',
        'add',
        '--username',
        'zhang.admin',
        '--unit',
        '320000',
        '--role',
        'admin,auditor',
        '--name',
        '张管理',
      ],
      {
        env: { ...env, FANZHA_PASSWORD: 'first-admin-password' },
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('created zhang.admin (admin, auditor) in 江苏省 320000');
  });

  it('user add refuses unknown roles, short passwords and units outside the province with a clear message', async () => {
    const role = await runFanzha(['user', 'add', '--username', 'x1', '--unit', '320000', '--role', 'root'], {
      env: { ...env, FANZHA_PASSWORD: 'long-enough-1' },
    });
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('unknown role root');
    const short = await runFanzha(
      ['user', 'add', '--username', 'x2', '--unit', '320000', '--role', 'officer'],
      { env: { ...env, FANZHA_PASSWORD: 'short' } },
    );
    expect(short.stderr).toContain('at least 8 characters');
    const unit = await runFanzha(
      ['user', 'add', '--username', 'x3', '--unit', '110000', '--role', 'officer'],
      { env: { ...env, FANZHA_PASSWORD: 'long-enough-1' } },
    );
    expect(unit.stderr).toContain('no unit 110000');
  });

  it('apikey add prints the new key alone on its last line', async () => {
    const result = await runFanzha(['apikey', 'add', '--name', '中国移动江苏公司', '--scope', 'screen'], {
      env,
    });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^fzk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{32,64}$/);
    const bad = await runFanzha(['apikey', 'add', '--name', 'x', '--scope', 'everything'], { env });
    expect(bad.stderr).toContain('unknown scope everything');
  });

  it('units list prints the org tree, indented, or JSON lines', async () => {
    const text = await runFanzha(['units', 'list'], { env });
    expect(text.stdout.split('\n')[0]).toBe('320000  江苏省');
    expect(text.stdout).toContain('    320102  玄武区');
    const json = await runFanzha(['units', 'list', '--json'], { env });
    const rows = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.filter((r) => r.level === 'city')).toHaveLength(13);
  });

  it('a sub-command without its required options explains what is missing', async () => {
    const result = await runFanzha(['user', 'add'], { env });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/required option/);
  });
});
