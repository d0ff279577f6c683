/** `fanzha lists`, `import`, `export` and `screen` on an embedded store in a temporary folder. */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FANZHA_BIN, runFanzha } from '../test-support/cli.js';

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

  it('leaves the lists as they were when an import is killed mid-way (kill -9), and imports after it', async () => {
    const big = join(dir, 'big.csv');
    const file = createWriteStream(big);
    file.write('value\n');
    for (let i = 0; i < 200_000; i += 10_000)
      file.write(
        Array.from({ length: 10_000 }, (_, j) => `1372${String(i + j).padStart(7, '0')}\n`).join(''),
      );
    await new Promise((resolve) => file.end(resolve));
    const child = spawn(
      process.execPath,
      ['--conditions=source', FANZHA_BIN, 'import', '--list', 'case-numbers', '--format', 'csv', big],
      { env: { ...process.env, FANZHA_FROM_SOURCE: '1', ...env } },
    );
    // Progress lines (stderr is not a terminal): kill once the rows are being written into the list.
    const killed = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('import: writing') && child.kill('SIGKILL')) resolve(stderr);
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL')
          reject(new Error(`the import ended (${code}) before it was killed: ${stderr}`));
      });
    });
    expect(killed).toContain('import: reading');
    await new Promise((resolve) => child.once('close', resolve));
    expect((await runFanzha(['lists', 'show'], { env })).stdout).toMatch(/case-numbers\tnumber\tblock\t2\t/);
    const again = join(dir, 'again.csv');
    writeFileSync(again, 'value\n13700000001\n');
    const after = await runFanzha(['import', '--list', 'case-numbers', '--format', 'csv', again], { env });
    expect(after.code, after.stderr).toBe(0);
    expect((await runFanzha(['lists', 'show'], { env })).stdout).toMatch(/case-numbers\tnumber\tblock\t3\t/);
  });

  it('exports a list in each format', async () => {
    const csv = await runFanzha(['export', '--list', 'case-numbers'], { env });
    // By value: the number imported after the killed import comes first.
    expect(
      csv.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]),
    ).toEqual(['+8613700000001', '+8613800000001', '+8613900000002']);
    const stix = await runFanzha(['export', '--list', 'case-numbers', '--format', 'stix'], { env });
    expect(JSON.parse(stix.stdout).objects).toHaveLength(3);
    const unknown = await runFanzha(['export', '--list', 'case-numbers', '--format', 'xml'], { env });
    expect(unknown.stderr).toContain('unknown format xml');
  });
});
