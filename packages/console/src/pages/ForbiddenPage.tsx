import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n';

export function ForbiddenPage() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.subtitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('coming.back')}</Button>
        </Link>
      }
    />
  );
}
