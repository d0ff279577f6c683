import { Space, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { CandidateDecision, DomainCandidate, IntelList, Page } from '../../../api';
import { pageOf, paginationOf } from '../../../components/paging';
import { RowAction } from '../../../components/RowAction';
import { useT } from '../../../i18n';
import { mono } from '../labels';
import { ContributionTags, ScoreBar } from './CandidateSignals';
import { screenLinkForDomain, type CandidatesUrlQuery } from './candidatesQuery';

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');
const decisions: readonly CandidateDecision[] = ['block', 'allow', 'dismiss'];

interface CandidatesTableProps {
  page: Page<DomainCandidate> | undefined;
  loading: boolean;
  query: CandidatesUrlQuery;
  listsByName: ReadonlyMap<string, IntelList>;
  onQueryChange: (patch: Partial<CandidatesUrlQuery>) => void;
  /** Absent for roles that cannot decide (officers, admins: the queue is read-only). */
  onDecide?: ((candidate: DomainCandidate, decision: CandidateDecision) => void) | undefined;
}

/** The decision on a decided candidate: which list it went to, why, by whom and when. */
function DecisionCell({
  candidate,
  listsByName,
}: {
  candidate: DomainCandidate;
  listsByName: ReadonlyMap<string, IntelList>;
}) {
  const t = useT();
  const none = t('common.none');
  const list = candidate.listName ? (listsByName.get(candidate.listName)?.title ?? candidate.listName) : null;
  return (
    <Space orientation="vertical" size={0} style={{ maxWidth: 280 }}>
      {list && (
        <Typography.Text>
          {list}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {candidate.listName}
          </Typography.Text>
        </Typography.Text>
      )}
      <Typography.Text>{candidate.decisionReason ?? none}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {candidate.decidedBy ?? none} · {candidate.decidedAt ? when(candidate.decidedAt) : none}
      </Typography.Text>
    </Space>
  );
}

/** One server page of the queue: the name, its score and why, where it came from, and the decision. */
export function CandidatesTable(props: CandidatesTableProps) {
  const { page, loading, query, listsByName, onQueryChange, onDecide } = props;
  const t = useT();
  const pending = query.status === 'pending';

  const columns: TableColumnsType<DomainCandidate> = [
    {
      key: 'name',
      title: t('domainWatch.col.name'),
      render: (_, candidate) => (
        <Typography.Text copyable style={mono}>
          {candidate.name}
        </Typography.Text>
      ),
    },
    {
      key: 'score',
      title: t('domainWatch.col.score'),
      render: (_, candidate) => <ScoreBar score={candidate.score} />,
    },
    {
      key: 'contributions',
      title: t('domainWatch.col.contributions'),
      render: (_, candidate) => <ContributionTags contributions={candidate.contributions} />,
    },
    { key: 'feed', title: t('domainWatch.col.feed'), dataIndex: 'feed' },
    { key: 'seenAt', title: t('domainWatch.col.seenAt'), render: (_, candidate) => when(candidate.seenAt) },
    ...(pending
      ? []
      : [
          {
            key: 'decision',
            title: t('domainWatch.col.decision'),
            render: (_: unknown, candidate: DomainCandidate) => (
              <DecisionCell candidate={candidate} listsByName={listsByName} />
            ),
          },
          {
            key: 'test',
            title: t('domainWatch.col.actions'),
            fixed: 'right' as const,
            render: (_: unknown, candidate: DomainCandidate) => (
              <Link
                to={screenLinkForDomain(candidate.name)}
                aria-label={`${t('domainWatch.test')} ${candidate.name}`}
              >
                {t('domainWatch.test')}
              </Link>
            ),
          },
        ]),
    ...(pending && onDecide
      ? [
          {
            key: 'actions',
            title: t('domainWatch.col.actions'),
            fixed: 'right' as const,
            render: (_: unknown, candidate: DomainCandidate) => (
              <Space size={0}>
                {decisions.map((decision) => (
                  <RowAction
                    key={decision}
                    label={t(`domainWatch.${decision}`)}
                    subject={candidate.name}
                    danger={decision === 'block'}
                    onClick={() => onDecide(candidate, decision)}
                  />
                ))}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const onChange: TableProps<DomainCandidate>['onChange'] = (pagination, _filters, _sorter, extra) => {
    if (extra.action === 'paginate') {
      onQueryChange(pageOf(pagination, query));
    }
  };

  return (
    <Table<DomainCandidate>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      onChange={onChange}
      scroll={{ x: 'max-content' }}
      pagination={paginationOf(t, query, page?.total, [20, 50, 100, 200])}
    />
  );
}
