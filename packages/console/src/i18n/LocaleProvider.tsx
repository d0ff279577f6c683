import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { consoleTheme } from '../theme';
import { defaultLocale, isLocale, translator, type Locale, type Translate } from './translate';

// Owns the console's language: the choice, its persistence in localStorage, and keeping antd, dayjs
// and <html lang> in step with it. Components read texts through `useT()` only.

const storageKey = 'fanzha.locale';

interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = readStoredLocale();
    applyLocale(initial);
    return initial;
  });

  useEffect(() => applyLocale(locale), [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale, t: translator(locale) }), [locale, setLocale]);

  return (
    <LocaleContext value={value}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={consoleTheme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext>
  );
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale() must be used inside <LocaleProvider>');
  return value;
}

export function useT(): Translate {
  return useLocale().t;
}
