/**
 * Issuing banks of Chinese bank cards by BIN (the card number's first digits), for the major banks.
 * Written from public BIN lists (中国银联 and the banks' published card ranges); a BIN not listed
 * here is an unknown bank, not an invalid card. The longest listed prefix wins.
 */
import { BINS } from './bank-bins.js';

export interface Bank {
  /** Short code as used in payment messages: ICBC, CCB, ABC … */
  code: string;
  /** Official Chinese name. */
  name: string;
}

export const BANKS: Readonly<Record<string, Bank>> = {
  ICBC: { code: 'ICBC', name: '中国工商银行' },
  CCB: { code: 'CCB', name: '中国建设银行' },
  ABC: { code: 'ABC', name: '中国农业银行' },
  BOC: { code: 'BOC', name: '中国银行' },
  BOCOM: { code: 'BOCOM', name: '交通银行' },
  PSBC: { code: 'PSBC', name: '中国邮政储蓄银行' },
  CMB: { code: 'CMB', name: '招商银行' },
  CITIC: { code: 'CITIC', name: '中信银行' },
  CEB: { code: 'CEB', name: '中国光大银行' },
  CMBC: { code: 'CMBC', name: '中国民生银行' },
  CIB: { code: 'CIB', name: '兴业银行' },
  SPDB: { code: 'SPDB', name: '上海浦东发展银行' },
  HXB: { code: 'HXB', name: '华夏银行' },
  CGB: { code: 'CGB', name: '广发银行' },
  PAB: { code: 'PAB', name: '平安银行' },
  BOB: { code: 'BOB', name: '北京银行' },
  BOSH: { code: 'BOSH', name: '上海银行' },
  NBCB: { code: 'NBCB', name: '宁波银行' },
  JSB: { code: 'JSB', name: '江苏银行' },
};

const BANK_BY_BIN = new Map<string, Bank>();
for (const [code, bins] of Object.entries(BINS)) {
  for (const bin of bins.split(' ')) if (!BANK_BY_BIN.has(bin)) BANK_BY_BIN.set(bin, BANKS[code]!);
}

/** The issuing bank of a card number, by its longest listed BIN prefix (3–6 digits). */
export function bankOfCard(digits: string): Bank | null {
  for (let length = 6; length >= 3; length--) {
    const bank = BANK_BY_BIN.get(digits.slice(0, length));
    if (bank) return bank;
  }
  return null;
}

const BANK_BY_NAME = new Map<string, Bank>();
for (const bank of Object.values(BANKS)) {
  BANK_BY_NAME.set(bank.code.toLowerCase(), bank);
  BANK_BY_NAME.set(bank.name, bank);
  // "工商银行" for "中国工商银行", "邮储银行" and "浦发银行" as people write them.
  if (bank.name.startsWith('中国') && bank.name.length > 4) BANK_BY_NAME.set(bank.name.slice(2), bank);
}
BANK_BY_NAME.set('邮储银行', BANKS.PSBC!);
BANK_BY_NAME.set('浦发银行', BANKS.SPDB!);
BANK_BY_NAME.set('光大银行', BANKS.CEB!);
BANK_BY_NAME.set('民生银行', BANKS.CMBC!);

/** A bank by its code (any case) or Chinese name. */
export function bankByName(name: string): Bank | null {
  return BANK_BY_NAME.get(name.trim().toLowerCase()) ?? BANK_BY_NAME.get(name.trim()) ?? null;
}
