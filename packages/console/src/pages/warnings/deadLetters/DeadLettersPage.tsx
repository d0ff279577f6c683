import { Card, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { eventsApi, type DeadLetter } from '../../../api';
import { PageHeader } from '../../../components/PageHeader';
import { pageOf, paginationOf } from '../../../components/paging';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { positiveInt, useUrlQuery } from '../../../hooks/useUrlQuery';
import { useT } from '../../../i18n';
import { mono } from '../../intercept/labels';

type DeadLettersQuery = { page: number; pageSize: number };

const parsePaging = (params: URLSearchParams): DeadLettersQuery => ({
  page: positiveInt(params.get('page'), 1),
  pageSize: positiveInt(params.get('pageSize'), 20, 200),
});

/** 死信: events that were refused (invalid, unknown fields, a bad number), each with the reason and what was sent. */
export function DeadLettersPage() {
  const t = useT();
  const [query, setQuery] = useUrlQuery(parsePaging);
  const letters = useRemote((signal) => eventsApi.deadLetters(query, signal), [query.page, query.pageSize]);
  const columns: TableColumnsType<DeadLetter> = [
    {
      key: 'receivedAt',
      title: t('warnings.deadLetters.receivedAt'),
      render: (_, l) => dayjs(l.receivedAt).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      key: 'eventId',
      title: t('warnings.deadLetters.eventId'),
      render: (_, l) => <span style={mono}>{l.eventId ?? t('common.none')}</span>,
    },
    {
      key: 'source',
      title: t('warnings.deadLetters.source'),
      render: (_, l) => l.source ?? t('common.none'),
    },
    {
      key: 'stage',
      title: t('warnings.deadLetters.stage'),
      render: (_, l) => (l.stage ? t(`warnings.deadLetters.stage.${l.stage}`) : t('common.none')),
    },
    {
      key: 'reason',
      title: t('warnings.deadLetters.reason'),
      render: (_, l) => <Typography.Text type="danger">{l.reason}</Typography.Text>,
    },
    {
      key: 'payload',
      title: t('warnings.deadLetters.payload'),
      render: (_, l) => (
        <Typography.Text
          style={{ ...mono, fontSize: 12, maxWidth: 420 }}
          ellipsis={{ tooltip: JSON.stringify(l.payload) }}
        >
          {JSON.stringify(l.payload)}
        </Typography.Text>
      ),
    },
  ];
  const onChange: TableProps<DeadLetter>['onChange'] = (pagination, _f, _s, extra) => {
    if (extra.action === 'paginate') setQuery(pageOf(pagination, query));
  };
  return (
    <>
      <PageHeader title={t('warnings.deadLetters.title')} subtitle={t('warnings.deadLetters.subtitle')} />
      {letters.error !== null && <ProblemAlert error={letters.error} onRetry={letters.reload} />}
      <Card>
        <Table<DeadLetter>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={letters.data?.items ?? []}
          loading={letters.loading}
          onChange={onChange}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (l) => (
              <pre style={{ ...mono, fontSize: 12, margin: 0, whiteSpace: 'pre-wrap' }}>
                {JSON.stringify(l.payload, null, 2)}
              </pre>
            ),
          }}
          pagination={paginationOf(t, query, letters.data?.total, [20, 50, 100])}
        />
      </Card>
    </>
  );
}
