import { Button, Result, Tag } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../i18n';
import type { CapabilityKey } from '../layout/navigation';

/** An honest placeholder for a capability not built yet: what it will do, and no made-up data. */
export function ComingPage({ capability }: { capability: CapabilityKey }) {
  const t = useT();
  return (
    <Result
      icon={<ToolOutlined style={{ color: '#94a3b8' }} />}
      title={
        <>
          {t(`nav.${capability}`)} <Tag color="gold">{t('coming.tag')}</Tag>
        </>
      }
      subTitle={t(`coming.${capability}`)}
      extra={
        <Link to="/">
          <Button>{t('coming.back')}</Button>
        </Link>
      }
    />
  );
}
