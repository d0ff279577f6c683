import { useState } from 'react';
import { App, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { apiKeysApi, problemMessage, type ApiKey } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { useT } from '../../i18n';
import { ApiKeyCreateModal } from './ApiKeyCreateModal';
import { ApiKeysTable } from './ApiKeysTable';

/** 接口密钥 (admin): keys carriers, banks and resolvers use to call the screening API. */
export function ApiKeysPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const keys = useRemote((signal) => apiKeysApi.list(signal).then((body) => body.items), []);
  const [creating, setCreating] = useState(false);

  const revoke = (key: ApiKey) =>
    modal.confirm({
      title: t('apiKeys.revokeTitle', { name: key.name }),
      content: t('apiKeys.revokeEffect'),
      okText: t('apiKeys.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await apiKeysApi.revoke(key.id);
          void message.success(t('apiKeys.revoked', { name: key.name }));
          keys.reload();
        } catch (error) {
          void message.error(problemMessage(t, error));
        }
      },
    });

  return (
    <>
      <PageHeader
        title={t('apiKeys.title')}
        subtitle={t('apiKeys.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('apiKeys.create')}
          </Button>
        }
      />
      {keys.error !== null && <ProblemAlert error={keys.error} onRetry={keys.reload} />}
      <Card>
        <ApiKeysTable keys={keys.data} loading={keys.loading} onRevoke={revoke} />
      </Card>
      {creating && <ApiKeyCreateModal onClose={() => setCreating(false)} onCreated={keys.reload} />}
    </>
  );
}
