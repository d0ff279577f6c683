/**
 * STIX 2.1: indicators whose pattern compares one observable, e.g. `[domain-name:value = 'evil.cn']`,
 * `[url:value = '…']`, `[phone-number:value = '+86…']`, `[bank-account:account_number = '…']`. STIX has no observable for
 * an app's package id or a phone's IMEI: apps are `[software:x_package_id = 'com.x.y']` (a custom
 * property of the software object) and devices `[x-mobile-device:imei = '…']` (a custom object).
 * Import reads them from a bundle as a stream (the `objects` array is never held whole); export writes
 * them back.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import pick from 'stream-json/filters/pick.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import type { ListKind } from '../normalize.js';
import type { ImportRow } from './records.js';

const OBSERVABLE_OF_KIND: Record<ListKind, { type: string; property: string }> = {
  number: { type: 'phone-number', property: 'value' },
  domain: { type: 'domain-name', property: 'value' },
  url: { type: 'url', property: 'value' },
  account: { type: 'bank-account', property: 'account_number' },
  app: { type: 'software', property: 'x_package_id' },
  imei: { type: 'x-mobile-device', property: 'imei' },
};

const KIND_OF_OBSERVABLE: Record<string, ListKind> = {
  'phone-number': 'number',
  'domain-name': 'domain',
  url: 'url',
  'bank-account': 'account',
  software: 'app',
  'x-mobile-device': 'imei',
};

const COMPARISON = /^\[\s*([a-z-]+):([a-z_]+)\s*=\s*'((?:[^'\\]|\\.)*)'\s*\]$/;

export function parsePattern(pattern: string): { kind: ListKind; value: string } | null {
  const match = COMPARISON.exec(pattern.trim());
  if (!match) return null;
  const kind = KIND_OF_OBSERVABLE[match[1]!];
  if (!kind || OBSERVABLE_OF_KIND[kind].property !== match[2]) return null;
  return { kind, value: match[3]!.replace(/\\(.)/g, '$1') };
}

export async function* readStix(input: Readable, listKind: ListKind): AsyncGenerator<ImportRow> {
  const picked = pick.withParserAsStream({ filter: 'objects' });
  const objects = input.pipe(picked).pipe(streamArray.asStream());
  input.on('error', (error) => objects.destroy(error));
  picked.on('error', (error) => objects.destroy(error));
  let position = 0;
  try {
    for await (const { value } of objects as AsyncIterable<{ value: Record<string, unknown> }>) {
      position++;
      if (value?.type !== 'indicator') continue; // identities, relationships, … carry no entry
      if (value.pattern_type !== undefined && value.pattern_type !== 'stix') {
        yield {
          line: position,
          error: `object ${position}: pattern_type ${String(value.pattern_type)} is not supported`,
        };
        continue;
      }
      const parsed = typeof value.pattern === 'string' ? parsePattern(value.pattern) : null;
      if (!parsed) {
        yield {
          line: position,
          error: `object ${position}: the pattern must compare one phone-number, domain-name, url, bank-account, software:x_package_id or x-mobile-device:imei`,
        };
        continue;
      }
      if (parsed.kind !== listKind) {
        yield {
          line: position,
          error: `object ${position}: a ${parsed.kind} indicator cannot go into a ${listKind} list`,
        };
        continue;
      }
      const confidence = typeof value.confidence === 'number' ? value.confidence : undefined;
      yield {
        line: position,
        input: {
          value: parsed.value,
          ...(confidence !== undefined ? { confidence } : {}),
          source: { kind: 'partner', id: typeof value.id === 'string' ? value.id : `indicator-${position}` },
          ...(typeof value.valid_until === 'string' ? { expiresAt: value.valid_until } : {}),
          ...(typeof value.name === 'string' ? { reason: value.name.slice(0, 1000) } : {}),
        },
      };
    }
  } catch (error) {
    yield { line: position + 1, error: `not a valid STIX bundle: ${(error as Error).message}` };
  }
}

export function stixIndicator(
  kind: ListKind,
  entry: {
    value: string;
    confidence: number;
    addedAt: string;
    expiresAt: string | null;
    reason: string | null;
    list: string;
  },
) {
  const { type, property } = OBSERVABLE_OF_KIND[kind];
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: entry.addedAt,
    modified: entry.addedAt,
    name: entry.reason ?? `${entry.list}: ${entry.value}`,
    indicator_types: ['malicious-activity'],
    pattern: `[${type}:${property} = '${entry.value.replace(/(['\\])/g, '\\$1')}']`,
    pattern_type: 'stix',
    valid_from: entry.addedAt,
    ...(entry.expiresAt ? { valid_until: entry.expiresAt } : {}),
    confidence: entry.confidence,
    labels: [entry.list],
  };
}
