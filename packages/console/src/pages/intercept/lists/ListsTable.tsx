import { Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { IntelList } from '../../../api';
import { RowAction } from '../../../components/RowAction';
import { useT } from '../../../i18n';
import { useUnits } from '../../../units/UnitsProvider';
import { ActionTag, KindTag } from '../labels';
import { ExportMenu } from './ExportMenu';

interface ListsTableProps {
  lists: IntelList[] | undefined;
  loading: boolean;
  isWritable: (list: IntelList) => boolean;
  onAddEntries: (list: IntelList) => void;
}

/** Every intelligence list: what it holds, what a hit does, how many entries, who owns it. */
export function ListsTable({ lists, loading, isWritable, onAddEntries }: ListsTableProps) {
  const t = useT();
  const { byCode } = useUnits();
  const columns: TableColumnsType<IntelList> = [
    {
      key: 'title',
      title: t('intel.lists.col.title'),
      render: (_, list) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{list.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {list.name}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'kind', title: t('intel.lists.col.kind'), render: (_, list) => <KindTag kind={list.kind} /> },
    {
      key: 'defaultAction',
      title: t('intel.lists.col.defaultAction'),
      render: (_, list) => <ActionTag action={list.defaultAction} />,
    },
    {
      key: 'entryCount',
      title: t('intel.lists.col.entryCount'),
      align: 'right',
      render: (_, list) => (
        <Link to={`/intercept/entries?list=${encodeURIComponent(list.name)}`}>
          {list.entryCount.toLocaleString()}
        </Link>
      ),
    },
    {
      key: 'unit',
      title: t('intel.lists.col.unit'),
      render: (_, list) => byCode.get(list.unitCode)?.name ?? list.unitCode,
    },
    {
      key: 'description',
      title: t('intel.lists.col.description'),
      render: (_, list) => list.description ?? t('common.none'),
    },
    {
      key: 'createdAt',
      title: t('intel.lists.col.createdAt'),
      render: (_, list) => dayjs(list.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'actions',
      title: t('users.col.actions'),
      render: (_, list) => (
        <Space size={0}>
          {isWritable(list) && (
            <RowAction
              label={t('intel.entries.add')}
              subject={list.name}
              onClick={() => onAddEntries(list)}
            />
          )}
          <ExportMenu listName={list.name} />
        </Space>
      ),
    },
  ];
  return (
    <Table<IntelList>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={lists ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={false}
    />
  );
}
