import { Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import dayjs from 'dayjs';
import type { AuditEntry, Page } from '../../api';
import { pageOf, paginationOf } from '../../components/paging';
import { useT } from '../../i18n';
import { useUnits } from '../../units/UnitsProvider';
import { ActionLabel } from './ActionLabel';
import type { AuditUrlQuery } from './auditQuery';

interface AuditTableProps {
  page: Page<AuditEntry> | undefined;
  loading: boolean;
  query: AuditUrlQuery;
  onQueryChange: (patch: Partial<AuditUrlQuery>) => void;
}

function DetailView({ entry }: { entry: AuditEntry }) {
  const t = useT();
  if (!entry.detail || Object.keys(entry.detail).length === 0) {
    return <Typography.Text type="secondary">{t('audit.noDetail')}</Typography.Text>;
  }
  return (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>
      {JSON.stringify(entry.detail, null, 2)}
    </pre>
  );
}

/** One server page of audit entries, newest first unless the user sorts otherwise. */
export function AuditTable({ page, loading, query, onQueryChange }: AuditTableProps) {
  const t = useT();
  const { byCode } = useUnits();
  const none = t('common.none');

  const columns: TableColumnsType<AuditEntry> = [
    {
      key: 'at',
      title: t('audit.col.at'),
      dataIndex: 'at',
      sorter: true,
      sortOrder: query.sort === 'at' ? 'ascend' : 'descend',
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      key: 'actor',
      title: t('audit.col.actor'),
      render: (_, entry) =>
        entry.actorUsername ?? (
          <Typography.Text type="secondary">
            {entry.actorType === 'api_key' ? t('audit.apiKey') : t('audit.system')}
          </Typography.Text>
        ),
    },
    {
      key: 'unit',
      title: t('audit.col.unit'),
      render: (_, entry) =>
        entry.actorUnitCode === null ? none : (byCode.get(entry.actorUnitCode)?.name ?? entry.actorUnitCode),
    },
    {
      key: 'action',
      title: t('audit.col.action'),
      render: (_, entry) => <ActionLabel action={entry.action} />,
    },
    {
      key: 'record',
      title: t('audit.col.record'),
      render: (_, entry) =>
        entry.recordType ? (
          <Typography.Text style={{ fontSize: 12 }}>
            {entry.recordType}
            {entry.recordId ? ` · ${entry.recordId}` : ''}
          </Typography.Text>
        ) : (
          none
        ),
    },
    { key: 'reason', title: t('audit.col.reason'), render: (_, entry) => entry.reason ?? none },
    { key: 'ip', title: t('audit.col.ip'), render: (_, entry) => entry.ip ?? none },
  ];

  const onChange: TableProps<AuditEntry>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      onQueryChange({ sort: one?.order === 'ascend' ? 'at' : '-at', page: 1 });
    } else if (extra.action === 'paginate') {
      onQueryChange(pageOf(pagination, query));
    }
  };

  return (
    <Table<AuditEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      onChange={onChange}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (entry) => <DetailView entry={entry} />,
        rowExpandable: (entry) => entry.detail !== null && Object.keys(entry.detail).length > 0,
      }}
      pagination={paginationOf(t, query, page?.total, [20, 50, 100])}
    />
  );
}
