import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ApiKey } from '../../api';
import { RowAction } from '../../components/RowAction';
import { isMessageKey, useT } from '../../i18n';
import { useUnits } from '../../units/UnitsProvider';

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** The partner keys of the admin's subtree: who, what they may call, when last used, revoked or not. */
export function ApiKeysTable({
  keys,
  loading,
  onRevoke,
}: {
  keys: ApiKey[] | undefined;
  loading: boolean;
  onRevoke: (key: ApiKey) => void;
}) {
  const t = useT();
  const { byCode } = useUnits();
  const columns: TableColumnsType<ApiKey> = [
    {
      key: 'name',
      title: t('apiKeys.col.name'),
      render: (_, key) => <Typography.Text strong>{key.name}</Typography.Text>,
    },
    {
      key: 'prefix',
      title: t('apiKeys.col.prefix'),
      render: (_, key) => <Typography.Text code>{key.prefix}…</Typography.Text>,
    },
    {
      key: 'scopes',
      title: t('apiKeys.col.scopes'),
      render: (_, key) =>
        key.scopes.map((scope) => {
          const label = `apiKeys.scope.${scope}`;
          return <Tag key={scope}>{isMessageKey(label) ? t(label) : scope}</Tag>;
        }),
    },
    {
      key: 'unit',
      title: t('apiKeys.col.unit'),
      render: (_, key) => byCode.get(key.unitCode)?.name ?? key.unitCode,
    },
    { key: 'createdAt', title: t('apiKeys.col.createdAt'), render: (_, key) => when(key.createdAt) },
    {
      key: 'lastUsedAt',
      title: t('apiKeys.col.lastUsedAt'),
      render: (_, key) =>
        key.lastUsedAt ? (
          when(key.lastUsedAt)
        ) : (
          <Typography.Text type="secondary">{t('apiKeys.neverUsed')}</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('apiKeys.col.status'),
      render: (_, key) =>
        key.revokedAt ? (
          <Tag>{t('apiKeys.revokedAt', { at: when(key.revokedAt) })}</Tag>
        ) : (
          <Tag color="success">{t('apiKeys.active')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('users.col.actions'),
      render: (_, key) =>
        !key.revokedAt && (
          <RowAction label={t('apiKeys.revoke')} subject={key.name} danger onClick={() => onRevoke(key)} />
        ),
    },
  ];
  return (
    <Table<ApiKey>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={keys ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={false}
    />
  );
}
