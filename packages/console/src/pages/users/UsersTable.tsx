import { Button, Space, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import dayjs from 'dayjs';
import type { Page, User } from '../../api';
import { pageOf, paginationOf } from '../../components/paging';
import { RoleTags } from '../../components/tags';
import { RowAction } from '../../components/RowAction';
import { useT } from '../../i18n';
import type { UsersUrlQuery } from './usersQuery';

interface UsersTableProps {
  page: Page<User> | undefined;
  loading: boolean;
  query: UsersUrlQuery;
  onQueryChange: (patch: Partial<UsersUrlQuery>) => void;
  onEdit: (user: User) => void;
  onReveal: (user: User) => void;
}

type SortField = 'username' | 'createdAt';

function sortOrder(sort: UsersUrlQuery['sort'], field: SortField) {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

/** The users of one server page; paging and sorting are the server's. */
export function UsersTable({ page, loading, query, onQueryChange, onEdit, onReveal }: UsersTableProps) {
  const t = useT();

  const columns: TableColumnsType<User> = [
    {
      key: 'username',
      title: t('users.col.username'),
      dataIndex: 'username',
      sorter: true,
      sortOrder: sortOrder(query.sort, 'username'),
      render: (username: string) => <Typography.Text strong>{username}</Typography.Text>,
    },
    { key: 'displayName', title: t('users.col.displayName'), dataIndex: 'displayName' },
    {
      key: 'unit',
      title: t('users.col.unit'),
      render: (_, user) => (
        <Space size={4}>
          {user.unitName}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {user.unitCode}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'roles', title: t('users.col.roles'), render: (_, user) => <RoleTags roles={user.roles} /> },
    {
      key: 'phone',
      title: t('users.col.phone'),
      render: (_, user) =>
        user.phoneMasked === null ? (
          t('common.none')
        ) : (
          <Space size={4}>
            <span style={{ fontFamily: 'ui-monospace, monospace' }}>{user.phoneMasked}</span>
            <Button type="link" size="small" onClick={() => onReveal(user)}>
              {t('users.reveal')}
            </Button>
          </Space>
        ),
    },
    {
      key: 'status',
      title: t('users.col.status'),
      render: (_, user) =>
        user.disabled ? (
          <Tag color="default">{t('users.status.disabled')}</Tag>
        ) : (
          <Tag color="success">{t('users.status.active')}</Tag>
        ),
    },
    {
      key: 'createdAt',
      title: t('users.col.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrder(query.sort, 'createdAt'),
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'lastLoginAt',
      title: t('users.col.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      render: (at: string | null) =>
        at ? (
          dayjs(at).format('YYYY-MM-DD HH:mm')
        ) : (
          <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: t('users.col.actions'),
      render: (_, user) => (
        <RowAction label={t('common.edit')} subject={user.username} onClick={() => onEdit(user)} />
      ),
    },
  ];

  const onChange: TableProps<User>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = one?.columnKey as SortField | undefined;
      const sort =
        field && one?.order ? (one.order === 'ascend' ? field : (`-${field}` as const)) : '-createdAt';
      onQueryChange({ sort, page: 1 });
    } else if (extra.action === 'paginate') {
      onQueryChange(pageOf(pagination, query));
    }
  };

  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      onChange={onChange}
      scroll={{ x: 'max-content' }}
      pagination={paginationOf(t, query, page?.total, [10, 20, 50, 100])}
    />
  );
}
