import { en } from './en';
import { zh, type MessageKey, type Messages } from './zh';

// Pure lookup and interpolation, kept apart from React so tests and the API layer can use it.

export type Locale = 'zh-CN' | 'en-US';
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const locales: readonly Locale[] = ['zh-CN', 'en-US'];
export const defaultLocale: Locale = 'zh-CN';

const dictionaries: Record<Locale, Messages> = { 'zh-CN': zh, 'en-US': en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

export function translator(locale: Locale): Translate {
  const messages = dictionaries[locale];
  return (key, params) => {
    const text = messages[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
