/**
 * What counts as an involved card (涉案卡) and how a number is written: the engine's normalised form,
 * the same a case footprint and an intel entry hold, so a card a bank reports and the account a victim
 * paid into are one card. Pure: no store, no clock.
 */
import { bankOfCard, classifyNumber } from '@fanzha/engine';
import type { CardFootprint } from '../cases/index.js';
import { normalizeFootprint } from '../cases/index.js';
import type { CardKind } from '../../store/cards-schema.js';

export const CARD_KINDS = ['bank_card', 'corporate_account', 'payment_account', 'sim'] as const;
export type { CardKind };

/** Payment providers of payment accounts; the number is written `provider:account` (two providers may share an account name). */
export const PAYMENT_PROVIDERS = ['alipay', 'wechat_pay'] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

const PROVIDER_NAMES: Record<PaymentProvider, string> = { alipay: '支付宝', wechat_pay: '微信支付' };

export interface CardIdentity {
  kind: CardKind;
  number: string;
  /** The bank (by BIN), payment provider or carrier when the number tells it. */
  issuer: string | null;
}

export type CardNumberResult = ({ ok: true } & CardIdentity) | { ok: false; reason: string };

/** A card number as a partner or an officer writes it, normalised; `provider` is required for payment accounts. */
export function normalizeCardNumber(kind: CardKind, raw: string, provider?: string | null): CardNumberResult {
  switch (kind) {
    case 'bank_card':
    case 'corporate_account': {
      const normalized = normalizeFootprint('account', raw, kind);
      return normalized.ok ? { ok: true, ...identityOf(kind, normalized.value, null) } : normalized;
    }
    case 'payment_account': {
      if (!provider || !(PAYMENT_PROVIDERS as readonly string[]).includes(provider))
        return { ok: false, reason: 'provider_required' };
      const normalized = normalizeFootprint('account', raw, provider);
      return normalized.ok
        ? { ok: true, ...identityOf(kind, normalized.value, provider as PaymentProvider) }
        : normalized;
    }
    case 'sim': {
      const normalized = normalizeFootprint('number', raw);
      if (!normalized.ok) return normalized;
      if (!normalized.value.startsWith('+861')) return { ok: false, reason: 'not_a_mobile_number' };
      return { ok: true, ...identityOf(kind, normalized.value, null) };
    }
  }
}

/** The card a case footprint names (findCardFootprints returns only card footprints). */
export function cardOfFootprint(footprint: CardFootprint): CardIdentity | null {
  if (footprint.kind === 'number' || footprint.kind === 'sms')
    return identityOf('sim', footprint.value, null);
  switch (footprint.accountKind) {
    case 'bank_card':
    case 'corporate_account':
      return identityOf(footprint.accountKind, footprint.value, null);
    case 'alipay':
    case 'wechat_pay':
      return identityOf('payment_account', footprint.value, footprint.accountKind);
    default:
      return null;
  }
}

function identityOf(kind: CardKind, value: string, provider: PaymentProvider | null): CardIdentity {
  switch (kind) {
    case 'bank_card':
      return { kind, number: value, issuer: bankOfCard(value)?.name ?? null };
    case 'corporate_account':
      return { kind, number: value, issuer: null };
    case 'payment_account':
      return { kind, number: `${provider}:${value}`, issuer: provider ? PROVIDER_NAMES[provider] : null };
    case 'sim':
      return { kind, number: value, issuer: classifyNumber(value).carrier ?? null };
  }
}
