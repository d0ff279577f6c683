/** Store rows → the engine's entries and changes (what a screener indexes). */
import type { AccountKind, IntelChange, IntelEntry } from '@fanzha/engine';
import type { IntelEntryRow } from '../../store/schema.js';
import type { ListKind } from './normalize.js';

export type EntryWithList = IntelEntryRow & { list_name: string; list_kind: ListKind };

const millis = (value: Date | string | null): number | null =>
  value === null ? null : new Date(value).getTime();

export function toEngineEntry(row: EntryWithList): IntelEntry {
  const provenance = {
    list: row.list_name,
    action: row.action,
    confidence: row.confidence,
    source: { kind: row.source_kind, id: row.source_id },
    addedAt: millis(row.added_at)!,
    expiresAt: millis(row.expires_at),
  };
  switch (row.list_kind) {
    case 'number':
      return {
        kind: 'number',
        value: row.value,
        match: row.match === 'prefix' ? 'prefix' : 'exact',
        ...provenance,
      };
    case 'domain':
      return {
        kind: 'domain',
        value: row.value,
        match: row.match === 'host' ? 'host' : 'domain',
        ...provenance,
      };
    case 'url':
      return { kind: 'url', value: row.value, ...provenance };
    case 'account':
      return {
        kind: 'account',
        accountKind: row.account_kind as AccountKind,
        value: row.value,
        ...provenance,
      };
    case 'app':
    case 'imei':
      return { kind: row.list_kind, value: row.value, ...provenance };
  }
}

/** The engine change for a logged add or remove (the log keeps the entry as it was). */
export function toEngineChange(op: 'add' | 'remove', entry: IntelEntry): IntelChange {
  if (op === 'add') return { op, entry };
  switch (entry.kind) {
    case 'number':
      return {
        op,
        entry: { kind: 'number', value: entry.value, list: entry.list, match: entry.match ?? 'exact' },
      };
    case 'domain':
      return {
        op,
        entry: { kind: 'domain', value: entry.value, list: entry.list, match: entry.match ?? 'domain' },
      };
    case 'url':
      return { op, entry: { kind: 'url', value: entry.value, list: entry.list } };
    case 'account':
      return {
        op,
        entry: { kind: 'account', accountKind: entry.accountKind, value: entry.value, list: entry.list },
      };
    case 'app':
    case 'imei':
      return { op, entry: { kind: entry.kind, value: entry.value, list: entry.list } };
  }
}
