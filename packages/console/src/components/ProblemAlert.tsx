import { Alert, Button } from 'antd';
import { problemMessage } from '../api';
import { useT } from '../i18n';

/** A failed request, said plainly, with a retry when the caller can offer one. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={problemMessage(t, error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 12 }}
    />
  );
}
