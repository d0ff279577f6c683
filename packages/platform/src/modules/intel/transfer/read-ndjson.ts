/** Streams NDJSON lines (the entries API's fields) as import rows. */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { recordToInput, type ImportRow } from './records.js';

const FIELDS: Record<string, string> = {
  value: 'value',
  action: 'action',
  confidence: 'confidence',
  expiresAt: 'expires_at',
  reason: 'reason',
  match: 'match',
  accountKind: 'account_kind',
  source: 'source',
};

export async function* readNdjson(input: Readable): AsyncGenerator<ImportRow> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      yield { line, error: 'not valid JSON' };
      continue;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      yield { line, error: 'each line must be a JSON object' };
      continue;
    }
    const object = parsed as Record<string, unknown>;
    const unknown = Object.keys(object).filter((key) => !(key in FIELDS));
    if (unknown.length) {
      yield { line, error: `unknown field ${unknown.map((u) => `"${u}"`).join(', ')}` };
      continue;
    }
    const flat: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(object)) flat[FIELDS[key]!] = value;
    const source = object.source as { kind?: unknown; id?: unknown } | undefined;
    if (source !== undefined) {
      if (source === null || typeof source !== 'object') {
        yield { line, error: 'source must be an object {kind, id}' };
        continue;
      }
      flat.source_kind = source.kind;
      flat.source_id = source.id;
    }
    const result = recordToInput(flat);
    yield 'input' in result ? { line, input: result.input } : { line, error: result.error };
  }
}
