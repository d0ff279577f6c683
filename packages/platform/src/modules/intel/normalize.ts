/**
 * Turns what a person or a file says ("+86 170-0000-1234", "ICBC-Login.com.", a card number with
 * spaces) into the engine's normalised form, so the store keeps one row per listed value and the
 * screener finds it however it is asked.
 */
import {
  classifyAccount,
  classifyNumber,
  normalizeHost,
  normalizeIdentifier,
  normalizeNumberPrefix,
  normalizeUrl,
  type AccountKind,
} from '@fanzha/engine';

/** `app`: Android package names and iOS bundle ids; `imei`: devices (the 15-digit IMEI). */
export type ListKind = 'number' | 'domain' | 'url' | 'account' | 'app' | 'imei';
export type EntryMatch = 'exact' | 'prefix' | 'domain' | 'host' | 'url_prefix' | 'account' | 'app' | 'imei';

export const LIST_KINDS: readonly ListKind[] = ['number', 'domain', 'url', 'account', 'app', 'imei'];

/** Match rules each list kind accepts; the first is the default. */
export const MATCHES_BY_KIND: Record<ListKind, readonly EntryMatch[]> = {
  number: ['exact', 'prefix'],
  domain: ['domain', 'host'],
  url: ['url_prefix'],
  account: ['account'],
  app: ['app'],
  imei: ['imei'],
};

export type NormalizedEntryValue =
  | { ok: true; value: string; match: EntryMatch; accountKind: AccountKind | null }
  | { ok: false; reason: string };

export function normalizeEntryValue(
  kind: ListKind,
  raw: string,
  match?: EntryMatch,
  accountKind?: string,
): NormalizedEntryValue {
  const rule = match ?? MATCHES_BY_KIND[kind][0]!;
  if (!MATCHES_BY_KIND[kind].includes(rule)) return { ok: false, reason: `match_${rule}_not_for_${kind}` };
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'empty' };
  switch (kind) {
    case 'number': {
      if (rule === 'prefix') {
        const prefix = normalizeNumberPrefix(raw);
        return prefix.ok
          ? { ok: true, value: prefix.normalized, match: rule, accountKind: null }
          : { ok: false, reason: prefix.reason };
      }
      const number = classifyNumber(raw);
      return number.normalized !== null && number.kind !== 'invalid'
        ? { ok: true, value: number.normalized, match: rule, accountKind: null }
        : { ok: false, reason: number.reason ?? 'not_a_number' };
    }
    case 'domain': {
      const host = normalizeHost(raw);
      return host.ok
        ? { ok: true, value: host.host, match: rule, accountKind: null }
        : { ok: false, reason: host.reason };
    }
    case 'url': {
      const url = normalizeUrl(raw);
      return url.ok
        ? { ok: true, value: url.url, match: rule, accountKind: null }
        : { ok: false, reason: url.reason };
    }
    case 'account': {
      const account = classifyAccount(accountKind ?? '', raw);
      return account.ok
        ? { ok: true, value: account.normalized, match: rule, accountKind: account.kind }
        : { ok: false, reason: account.reason };
    }
    case 'app':
    case 'imei': {
      // An app by its package / bundle id (a display name is not one); a device by its IMEI, whose
      // IMEISV and 14-digit body normalise to the same 15 digits.
      const identifier = normalizeIdentifier(kind, raw);
      return identifier.ok
        ? { ok: true, value: identifier.normalized, match: rule, accountKind: null }
        : { ok: false, reason: identifier.reason };
    }
  }
}
