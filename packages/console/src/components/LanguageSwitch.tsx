import { Segmented } from 'antd';
import { locales, useLocale, type Locale } from '../i18n';

/** 中文 / English; the choice is remembered in this browser. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { locale, setLocale, t } = useLocale();
  const labels: Record<Locale, string> = { 'zh-CN': t('lang.zh'), 'en-US': t('lang.en') };
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('lang.switch')}
      value={locale}
      onChange={setLocale}
      options={locales.map((value) => ({ value, label: labels[value] }))}
      style={dark ? { background: 'rgba(255,255,255,0.12)' } : undefined}
    />
  );
}
