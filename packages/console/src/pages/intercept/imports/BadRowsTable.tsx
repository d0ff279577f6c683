import { Table, Typography, type TableColumnsType } from 'antd';
import type { ImportRowError } from '../../../api';
import { useT } from '../../../i18n';
import { invalidReasonText } from '../labels';

/** The rows an import refused, by line number in the file, with the reason for each. */
export function BadRowsTable({ errors, errorCount }: { errors: ImportRowError[]; errorCount: number }) {
  const t = useT();
  const columns: TableColumnsType<ImportRowError> = [
    { key: 'line', title: t('imports.col.line'), dataIndex: 'line', width: 100, align: 'right' },
    {
      key: 'reason',
      title: t('imports.col.reason'),
      render: (_, row) => {
        const [code = row.reason, ...rest] = row.reason.split(':');
        return (
          <>
            {invalidReasonText(t, code.trim())}
            {rest.length > 0 && (
              <Typography.Text code style={{ marginInlineStart: 4 }}>
                {rest.join(':').trim()}
              </Typography.Text>
            )}
          </>
        );
      },
    },
  ];
  return (
    <>
      <Table<ImportRowError>
        rowKey={(row) => `${row.line}:${row.reason}`}
        size="small"
        columns={columns}
        dataSource={errors}
        pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        aria-label={t('imports.badRows')}
      />
      {errorCount > errors.length && (
        <Typography.Text type="secondary">
          {t('imports.moreErrors', { shown: errors.length, total: errorCount })}
        </Typography.Text>
      )}
    </>
  );
}
