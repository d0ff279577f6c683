import { Button, Result, Spin } from 'antd';
import { problemMessage } from '../api';
import { useT } from '../i18n';

const centered = { minHeight: '100vh', display: 'grid', placeItems: 'center' } as const;

export function FullPageSpinner() {
  const t = useT();
  return (
    <div style={centered}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <div style={centered}>
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={problemMessage(t, error)}
        extra={<Button onClick={onRetry}>{t('common.retry')}</Button>}
      />
    </div>
  );
}
