/** `fanzha lists`, `import`, `export` and `screen` on an embedded store in a temporary folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFanzha } from '../test-support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fanzha-intel-cli-'));
const env = { FANZHA_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };

describe('fanzha intel commands', { timeout: 120_000 }, () => {
  it('creates a list, imports a CSV into it and reports bad rows by line without importing them', async () => {
    expect(
      (await runFanzha(['lists', 'add', '--name', 'case-numbers', '--kind', 'number'], { env })).stdout,
    ).toContain('created list case-numbers');
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'value,source_kind,source_id\n13800000001,case,C-1\n+86 139 0000 0002,report,R-2\n');
    const imported = await runFanzha(['import', '--list', 'case-numbers', '--format', 'csv', good], { env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('2 entries imported into case-numbers');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'value\n13800000003\nnonsense\n');
    const failed = await runFanzha(['import', '--list', 'case-numbers', '--format', 'csv', bad], { env });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('line 3: not_a_number');
    expect((await runFanzha(['lists', 'show'], { env })).stdout).toMatch(/case-numbers\tnumber\tblock\t2\t/);
  });

  it('screens stdin like the batch API: NDJSON in, NDJSON out; a JSON array in, an array out', async () => {
    const ndjson = await runFanzha(['screen'], {
      env,
      stdin: '{"kind":"number","value":"13800000001"}\n{"kind":"number","value":"12"}\n',
    });
    expect(ndjson.code, ndjson.stderr).toBe(0);
    const lines = ndjson.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((v) => v.action)).toEqual(['block', 'invalid']);
    expect(lines[0].reasons[0]).toMatchObject({ list: 'case-numbers', source: { kind: 'case', id: 'C-1' } });
    const array = await runFanzha(['screen'], { env, stdin: '[{"kind":"number","value":"13900000002"}]' });
    expect(JSON.parse(array.stdout).map((v: { action: string }) => v.action)).toEqual(['block']);
  });

  it('exports a list in each format', async () => {
    const csv = await runFanzha(['export', '--list', 'case-numbers'], { env });
    expect(csv.stdout.split('\n')[1]).toContain('+8613800000001');
    const stix = await runFanzha(['export', '--list', 'case-numbers', '--format', 'stix'], { env });
    expect(JSON.parse(stix.stdout).objects).toHaveLength(2);
    const unknown = await runFanzha(['export', '--list', 'case-numbers', '--format', 'xml'], { env });
    expect(unknown.stderr).toContain('unknown format xml');
  });
});
