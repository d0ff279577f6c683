import { ConfigProvider, Segmented } from 'antd';
import { locales, useLocale, type Locale } from '../i18n';

// Readable on the dark top bar and on the login page's dark background.
const onDark = {
  components: {
    Segmented: {
      trackBg: 'rgba(255,255,255,0.14)',
      itemColor: 'rgba(255,255,255,0.8)',
      itemHoverColor: '#ffffff',
      itemHoverBg: 'rgba(255,255,255,0.12)',
      itemSelectedBg: '#ffffff',
      itemSelectedColor: '#0f1f3d',
    },
  },
};

/** 中文 / English; the choice is remembered in this browser. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { locale, setLocale, t } = useLocale();
  const labels: Record<Locale, string> = { 'zh-CN': t('lang.zh'), 'en-US': t('lang.en') };
  const control = (
    <Segmented<Locale>
      size="small"
      aria-label={t('lang.switch')}
      value={locale}
      onChange={setLocale}
      options={locales.map((value) => ({ value, label: labels[value] }))}
    />
  );
  return dark ? <ConfigProvider theme={onDark}>{control}</ConfigProvider> : control;
}
