import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Card,
  Space,
  Table,
  Tabs,
  Typography,
  type TableColumnsType,
  type TableProps,
} from 'antd';
import dayjs from 'dayjs';
import {
  callerReviewApi,
  candidateStatuses,
  type CallerCandidate,
  type CandidateDecision,
} from '../../../api';
import { useCan } from '../../../auth';
import { PageHeader } from '../../../components/PageHeader';
import { pageOf, paginationOf } from '../../../components/paging';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { RowAction } from '../../../components/RowAction';
import { useRemote } from '../../../hooks/useRemote';
import { useUrlQuery } from '../../../hooks/useUrlQuery';
import { useT } from '../../../i18n';
import { ScoreBar } from '../domainWatch/CandidateSignals';
import { isCandidateStatus, parseCandidatesQuery } from '../domainWatch/candidatesQuery';
import { mono } from '../labels';
import { useIntelLists } from '../useIntelLists';
import { useListWritable } from '../useListWritable';
import { CallerDecideModal } from './CallerDecideModal';
import { CallerContributionTags, WindowFigures } from './CallerSignals';

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');
const decisions: readonly CandidateDecision[] = ['block', 'allow', 'dismiss'];

/** 呼叫行为复核: numbers the CDR stream marked as SIM-box-like; analysts block or allow, others follow. */
export function CallerReviewPage() {
  const t = useT();
  const { message } = App.useApp();
  const canDecide = useCan('intel.write');
  const isWritable = useListWritable();
  const [query, setQuery] = useUrlQuery(parseCandidatesQuery);
  const candidates = useRemote(
    (signal) => callerReviewApi.candidates(query, signal),
    [JSON.stringify(query)],
  );
  const stats = useRemote((signal) => callerReviewApi.stats(signal), []);
  const lists = useIntelLists();
  const blockLists = useMemo(
    () =>
      lists.data?.filter(
        (list) => list.kind === 'number' && list.defaultAction !== 'allow' && isWritable(list),
      ),
    [lists.data, isWritable],
  );
  const [deciding, setDeciding] = useState<{
    candidate: CallerCandidate;
    decision: CandidateDecision;
  } | null>(null);
  const pending = query.status === 'pending';

  const columns: TableColumnsType<CallerCandidate> = [
    {
      key: 'number',
      title: t('callerReview.col.number'),
      render: (_, c) => (
        <Typography.Text copyable style={mono}>
          {c.number}
        </Typography.Text>
      ),
    },
    { key: 'score', title: t('callerReview.col.score'), render: (_, c) => <ScoreBar score={c.score} /> },
    {
      key: 'contributions',
      title: t('callerReview.col.contributions'),
      render: (_, c) => <CallerContributionTags contributions={c.contributions} />,
    },
    {
      key: 'window',
      title: t('callerReview.col.window'),
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{when(c.windowStart)}</Typography.Text>
          <WindowFigures features={c.features} />
        </Space>
      ),
    },
    { key: 'windows', title: t('callerReview.col.windows'), dataIndex: 'windows' },
    { key: 'lastSeenAt', title: t('callerReview.col.lastSeenAt'), render: (_, c) => when(c.lastSeenAt) },
    ...(pending
      ? []
      : [
          {
            key: 'decision',
            title: t('callerReview.col.decision'),
            render: (_: unknown, c: CallerCandidate) => (
              <Space orientation="vertical" size={0} style={{ maxWidth: 280 }}>
                {c.listName && <Typography.Text style={mono}>{c.listName}</Typography.Text>}
                <Typography.Text>{c.decisionReason ?? t('common.none')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.decidedBy ?? t('common.none')} · {c.decidedAt ? when(c.decidedAt) : t('common.none')}
                </Typography.Text>
              </Space>
            ),
          },
        ]),
    ...(pending && canDecide
      ? [
          {
            key: 'actions',
            title: t('callerReview.col.actions'),
            fixed: 'right' as const,
            render: (_: unknown, c: CallerCandidate) => (
              <Space size={0}>
                {decisions.map((decision) => (
                  <RowAction
                    key={decision}
                    label={t(`callerReview.${decision}`)}
                    subject={c.number}
                    danger={decision === 'block'}
                    onClick={() => setDeciding({ candidate: c, decision })}
                  />
                ))}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const onChange: TableProps<CallerCandidate>['onChange'] = (pagination, _filters, _sorter, extra) => {
    if (extra.action === 'paginate') setQuery(pageOf(pagination, query));
  };

  return (
    <>
      <PageHeader
        title={t('callerReview.title')}
        subtitle={t(canDecide ? 'callerReview.subtitleAnalyst' : 'callerReview.subtitle')}
      />
      {stats.data && (
        <Alert
          type="info"
          showIcon
          title={t('callerReview.stats', { ...stats.data })}
          style={{ marginBottom: 12 }}
        />
      )}
      {candidates.error !== null && <ProblemAlert error={candidates.error} onRetry={candidates.reload} />}
      <Card>
        <Tabs
          activeKey={query.status}
          onChange={(status) => {
            if (isCandidateStatus(status)) setQuery({ status, page: 1 });
          }}
          items={candidateStatuses.map((status) => ({
            key: status,
            label: t(`domainWatch.status.${status}`),
          }))}
        />
        <Table<CallerCandidate>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={candidates.data?.items ?? []}
          loading={candidates.loading}
          onChange={onChange}
          scroll={{ x: 'max-content' }}
          pagination={paginationOf(t, query, candidates.data?.total, [20, 50, 100, 200])}
        />
      </Card>
      {deciding && (
        <CallerDecideModal
          candidate={deciding.candidate}
          decision={deciding.decision}
          blockLists={blockLists}
          onClose={() => setDeciding(null)}
          onDecided={(candidate, decision) => {
            setDeciding(null);
            void message.success(t(`callerReview.decided.${decision}`, { number: candidate.number }));
            candidates.reload();
            stats.reload();
            if (decision !== 'dismiss') lists.reload();
          }}
        />
      )}
    </>
  );
}
