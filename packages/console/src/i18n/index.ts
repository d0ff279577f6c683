export { LocaleProvider, useLocale, useT } from './LocaleProvider';
export { translator, locales, defaultLocale, isMessageKey } from './translate';
export type { Locale, Translate, MessageParams } from './translate';
export type { MessageKey } from './zh';
