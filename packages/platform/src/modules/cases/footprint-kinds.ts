/**
 * What a footprint (涉案线索) is and how it becomes intelligence: each kind is normalised by the engine
 * (through the intel module's normaliser, so a footprint and a list entry of the same value are one
 * value), and the screenable kinds name the case list their entry goes on. Pure: no store, no clock.
 *
 * Apps are screened by their package / bundle id (`com.example.loan`); an app known only by its
 * display name is kept on the case but not listed (names are not unique: fake apps copy real ones').
 */
import { classifyNumber, normalizeAppId } from '@fanzha/engine';
import { normalizeEntryValue, type EntryMatch, type ListKind } from '../intel/index.js';

/** Kinds as in the screening API (`number`, `sms` sender, `domain`, `url`, `account`, `app`, `imei`) plus chat ids. */
export const FOOTPRINT_KINDS = [
  'number',
  'sms',
  'domain',
  'url',
  'account',
  'qq',
  'wechat',
  'app',
  'imei',
] as const;
export type FootprintKind = (typeof FOOTPRINT_KINDS)[number];

/** The case list of each screenable list kind, owned by the provincial center. */
export const CASE_LISTS: Record<ListKind, { name: string; title: string }> = {
  number: { name: 'case-numbers', title: '涉案号码' },
  domain: { name: 'case-domains', title: '涉案域名' },
  url: { name: 'case-urls', title: '涉案网址' },
  account: { name: 'case-accounts', title: '涉案账户' },
  app: { name: 'case-apps', title: '涉案应用' },
  imei: { name: 'case-devices', title: '涉案设备' },
};

/** Below this confidence a footprint's entry marks instead of blocking. */
export const BLOCK_CONFIDENCE = 60;
export const DEFAULT_CONFIDENCE = 90;

export type NormalizedFootprint =
  | {
      ok: true;
      kind: FootprintKind;
      accountKind: string | null;
      value: string;
      /** The list kind and match rule of its intel entry; null for an app known only by its name. */
      listKind: ListKind | null;
      match: EntryMatch | null;
      /** Why the entry marks rather than blocks, when it does for a reason other than confidence. */
      markOnly: 'service_number' | null;
    }
  | { ok: false; reason: string };

export function isFootprintKind(kind: string): kind is FootprintKind {
  return (FOOTPRINT_KINDS as readonly string[]).includes(kind);
}

export function normalizeFootprint(
  kind: string,
  raw: string,
  accountKind?: string | null,
): NormalizedFootprint {
  if (!isFootprintKind(kind)) return { ok: false, reason: 'unknown_kind' };
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'empty' };
  switch (kind) {
    case 'number':
    case 'sms':
      return screenable(kind, 'number', raw, undefined, markOnlyOf(raw));
    case 'domain':
    case 'url':
      return screenable(kind, kind, raw);
    case 'account':
      if (!accountKind) return { ok: false, reason: 'account_kind_required' };
      return screenable(kind, 'account', raw, accountKind);
    case 'qq':
    case 'wechat':
      if (accountKind && accountKind !== kind) return { ok: false, reason: `account_kind_not_${kind}` };
      return screenable(kind, 'account', raw, kind);
    case 'imei':
      return screenable(kind, 'imei', raw);
    case 'app': {
      const id = normalizeAppId(raw);
      if (id.ok || id.reason !== 'not_an_app_id') return screenable(kind, 'app', raw);
      return recorded(kind, normalizeAppName(raw));
    }
  }
}

function screenable(
  kind: FootprintKind,
  listKind: ListKind,
  raw: string,
  accountKind?: string,
  markOnly: 'service_number' | null = null,
): NormalizedFootprint {
  const normalized = normalizeEntryValue(listKind, raw, undefined, accountKind);
  if (!normalized.ok) return normalized;
  return {
    ok: true,
    kind,
    accountKind: normalized.accountKind,
    value: normalized.value,
    listKind,
    match: normalized.match,
    markOnly,
  };
}

function recorded(kind: FootprintKind, value: { ok: true; value: string } | { ok: false; reason: string }) {
  if (!value.ok) return value;
  return {
    ok: true as const,
    kind,
    accountKind: null,
    value: value.value,
    listKind: null,
    match: null,
    markOnly: null,
  };
}

/**
 * Service numbers (95xxx, 96xxx) are the caller ids fraudsters spoof most: the bank's real hotline
 * shows up in victims' call logs. Blocking it would cut off the bank, so such footprints only mark.
 */
function markOnlyOf(raw: string): 'service_number' | null {
  return classifyNumber(raw).kind === 'service' ? 'service_number' : null;
}

/** The entry's action: block, unless confidence is low or the value is one that must never be blocked outright. */
export function entryActionFor(confidence: number, markOnly: string | null): 'block' | 'mark' {
  return confidence >= BLOCK_CONFIDENCE && markOnly === null ? 'block' : 'mark';
}

/** An app's display name ("安全 防护"), kept as written with its spaces folded; not screened. */
export function normalizeAppName(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (text.length > 200) return { ok: false, reason: 'too_long' };
  return { ok: true, value: text };
}
