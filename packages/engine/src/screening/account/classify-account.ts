/**
 * Accounts that fraud money and fraud contact run through (the "two cards" trade and chat accounts):
 * bank cards, corporate accounts (对公账户), payment-platform accounts (Alipay, WeChat Pay) and chat
 * ids (QQ, WeChat). `classifyAccount(kind, value)` normalizes one or says why it cannot be one.
 * Never throws.
 */
import { classifyNumber } from '../number/classify.js';
import { bankByName, bankOfCard, type Bank } from './banks.js';

export type AccountKind = 'bank_card' | 'corporate_account' | 'alipay' | 'wechat_pay' | 'qq' | 'wechat';

export const ACCOUNT_KINDS: readonly AccountKind[] = [
  'bank_card',
  'corporate_account',
  'alipay',
  'wechat_pay',
  'qq',
  'wechat',
];

export type AccountInvalidReason =
  | 'empty'
  | 'unknown_kind'
  | 'not_digits'
  | 'too_short'
  | 'too_long'
  | 'bad_checksum'
  | 'unknown_bank'
  | 'bad_format';

export type AccountClassification =
  | { ok: true; kind: AccountKind; normalized: string; bank: Bank | null }
  | { ok: false; kind: AccountKind | null; reason: AccountInvalidReason };

/** Separators people type inside account numbers; NFKC folds full-width digits first. */
const SEPARATORS = /[\s\-.\u3000]/g;

export function classifyAccount(kind: string, value: string): AccountClassification {
  if (!ACCOUNT_KINDS.includes(kind as AccountKind)) return { ok: false, kind: null, reason: 'unknown_kind' };
  const accountKind = kind as AccountKind;
  const text = String(value ?? '')
    .normalize('NFKC')
    .trim();
  if (text.length === 0) return invalid(accountKind, 'empty');
  switch (accountKind) {
    case 'bank_card':
      return bankCard(text.replace(SEPARATORS, ''));
    case 'corporate_account':
      return corporateAccount(text);
    case 'qq':
      return qq(text.replace(SEPARATORS, ''));
    case 'wechat':
    case 'wechat_pay':
      return wechat(accountKind, text);
    case 'alipay':
      return alipay(text);
  }
}

/** Bank cards: 16–19 digits. Luhn applies to 16-digit cards and to the listed banks' cards. */
function bankCard(digits: string): AccountClassification {
  if (!/^\d+$/.test(digits)) return invalid('bank_card', 'not_digits');
  if (digits.length < 16) return invalid('bank_card', 'too_short');
  if (digits.length > 19) return invalid('bank_card', 'too_long');
  const bank = bankOfCard(digits);
  if ((bank !== null || digits.length === 16) && !luhnValid(digits))
    return invalid('bank_card', 'bad_checksum');
  return { ok: true, kind: 'bank_card', normalized: digits, bank };
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Corporate accounts: 8–30 digits, lengths vary by bank, no public checksum. Written as the bare
 * number or with the bank in front ("ICBC:…", "中国工商银行 …"); the same digits at two banks are two
 * accounts, so the bank is part of the normalized form ("ICBC:1234…") when known.
 */
function corporateAccount(text: string): AccountClassification {
  const match = /^(?:([^\d\s:：][^:：]*?)\s*[:：\s]\s*)?([\d\s-]+)$/.exec(text);
  if (!match) return invalid('corporate_account', 'not_digits');
  const digits = (match[2] ?? '').replace(SEPARATORS, '');
  if (digits.length < 8) return invalid('corporate_account', 'too_short');
  if (digits.length > 30) return invalid('corporate_account', 'too_long');
  let bank: Bank | null = null;
  if (match[1]) {
    bank = bankByName(match[1]);
    if (!bank) return invalid('corporate_account', 'unknown_bank');
  }
  return { ok: true, kind: 'corporate_account', normalized: bank ? `${bank.code}:${digits}` : digits, bank };
}

function qq(digits: string): AccountClassification {
  if (!/^\d+$/.test(digits)) return invalid('qq', 'not_digits');
  if (digits.length < 5 || digits.startsWith('0'))
    return invalid('qq', digits.length < 5 ? 'too_short' : 'bad_format');
  if (digits.length > 11) return invalid('qq', 'too_long');
  return { ok: true, kind: 'qq', normalized: digits, bank: null };
}

/** WeChat ids: a letter, then 5–19 letters, digits, _ or -; case-insensitive. A bound mobile also names one. */
function wechat(kind: 'wechat' | 'wechat_pay', text: string): AccountClassification {
  if (/^[a-z][-_a-z0-9]{5,19}$/i.test(text))
    return { ok: true, kind, normalized: text.toLowerCase(), bank: null };
  const mobile = mobileOf(text);
  if (mobile) return { ok: true, kind, normalized: mobile, bank: null };
  return invalid(kind, 'bad_format');
}

/** Alipay accounts are a mobile number or an e-mail address. */
function alipay(text: string): AccountClassification {
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    return { ok: true, kind: 'alipay', normalized: text.toLowerCase(), bank: null };
  }
  const mobile = mobileOf(text);
  if (mobile) return { ok: true, kind: 'alipay', normalized: mobile, bank: null };
  return invalid('alipay', 'bad_format');
}

function mobileOf(text: string): string | null {
  if (!/^[+\d\s\-()]+$/.test(text)) return null;
  const number = classifyNumber(text);
  return number.kind === 'mobile' ? number.normalized : null;
}

function invalid(kind: AccountKind, reason: AccountInvalidReason): AccountClassification {
  return { ok: false, kind, reason };
}
