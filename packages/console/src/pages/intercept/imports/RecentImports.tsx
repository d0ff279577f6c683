import { Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ImportJob } from '../../../api';
import { useT } from '../../../i18n';
import { BadRowsTable } from './BadRowsTable';

const statusColors: Record<ImportJob['status'], string> = {
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

/** The latest imports, newest first; a failed one opens to its bad rows. */
export function RecentImports({ jobs, loading }: { jobs: ImportJob[] | undefined; loading: boolean }) {
  const t = useT();
  const columns: TableColumnsType<ImportJob> = [
    {
      key: 'startedAt',
      title: t('imports.col.startedAt'),
      render: (_, job) => dayjs(job.startedAt).format('YYYY-MM-DD HH:mm:ss'),
    },
    { key: 'list', title: t('imports.col.list'), dataIndex: 'list' },
    { key: 'format', title: t('imports.col.format'), render: (_, job) => t(`imports.format.${job.format}`) },
    {
      key: 'status',
      title: t('imports.col.status'),
      render: (_, job) => <Tag color={statusColors[job.status]}>{t(`imports.status.${job.status}`)}</Tag>,
    },
    {
      key: 'rowsRead',
      title: t('imports.col.rows'),
      align: 'right',
      render: (_, job) => job.rowsRead.toLocaleString(),
    },
    {
      key: 'added',
      title: t('imports.col.added'),
      align: 'right',
      render: (_, job) => job.added.toLocaleString(),
    },
    {
      key: 'errorCount',
      title: t('imports.col.errors'),
      align: 'right',
      render: (_, job) => job.errorCount.toLocaleString(),
    },
    {
      key: 'finishedAt',
      title: t('imports.col.finishedAt'),
      render: (_, job) => (job.finishedAt ? dayjs(job.finishedAt).format('HH:mm:ss') : t('common.none')),
    },
  ];
  return (
    <Table<ImportJob>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={jobs ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      expandable={{
        rowExpandable: (job) => job.errors.length > 0,
        expandedRowRender: (job) => <BadRowsTable errors={job.errors} errorCount={job.errorCount} />,
      }}
    />
  );
}
