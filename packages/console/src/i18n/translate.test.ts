import { describe, expect, it } from 'vitest';
import { en } from './en';
import { isLocale, isMessageKey, translator } from './translate';
import { zh } from './zh';

describe('dictionaries', () => {
  it('have the same keys and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const text of [...Object.values(zh), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });
});

describe('translator', () => {
  it('looks texts up in the chosen language', () => {
    expect(translator('zh-CN')('login.submit')).toBe('登录');
    expect(translator('en-US')('login.submit')).toBe('Sign in');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('zh-CN');
    expect(t('units.count', { count: 133 })).toBe('共 133 个单位');
    expect(t('home.greeting', {})).toBe('{name}，您好');
  });
});

describe('guards', () => {
  it('recognise keys and locales', () => {
    expect(isMessageKey('nav.units')).toBe(true);
    expect(isMessageKey('nav.nothing')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
    expect(isLocale('en-US')).toBe(true);
    expect(isLocale('fr-FR')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});
