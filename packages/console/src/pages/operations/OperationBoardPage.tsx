import { useEffect, useRef } from 'react';
import { Badge, Card, Col, List, Progress, Row, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useParams } from 'react-router';
import { operationsApi, type OperationBoardUnit } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { useT } from '../../i18n';
import { when } from '../clues/labels';
import { useBoardStream } from './useBoardStream';

/** While the live stream is down, the board polls this often. */
export const BOARD_POLL_MS = 5_000;
/** While it is live, a slow poll still runs (a step taken where no signal reached us is seen anyway). */
export const BOARD_LIVE_POLL_MS = 60_000;
/** Steps arriving together (a unit feeding back a batch) reload the board once. */
const RELOAD_DEBOUNCE_MS = 300;

/**
 * 集中收网: the operation's dispatched clues by unit and the latest feedback. Each step of its clues
 * arrives on the live stream and reloads the board; a poll is only the fallback.
 */
export function OperationBoardPage() {
  const t = useT();
  const { id = '' } = useParams();
  const board = useRemote((signal) => operationsApi.board(id, signal), [id]);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const stream = useBoardStream(id, () => {
    clearTimeout(pending.current);
    pending.current = setTimeout(board.reload, RELOAD_DEBOUNCE_MS);
  });
  useEffect(() => () => clearTimeout(pending.current), []);
  useEffect(() => {
    const timer = setInterval(board.reload, stream === 'live' ? BOARD_LIVE_POLL_MS : BOARD_POLL_MS);
    return () => clearInterval(timer);
  }, [board.reload, stream]);
  const data = board.data;
  const columns: TableColumnsType<OperationBoardUnit> = [
    { key: 'unit', title: t('operations.col.unit'), render: (_, row) => row.unit.name },
    { key: 'dispatched', title: t('operations.board.dispatched'), dataIndex: 'dispatched', align: 'right' },
    { key: 'pending', title: t('clues.status.pending'), dataIndex: 'pending', align: 'right' },
    { key: 'working', title: t('clues.status.working'), dataIndex: 'working', align: 'right' },
    { key: 'done', title: t('clues.status.done'), dataIndex: 'done', align: 'right' },
    {
      key: 'overdue',
      title: t('clues.overdue'),
      align: 'right',
      render: (_, row) =>
        row.overdue > 0 ? <Typography.Text type="danger">{row.overdue}</Typography.Text> : 0,
    },
    {
      key: 'caught',
      title: t('operations.board.caught'),
      align: 'right',
      render: (_, row) => `${row.caughtCount}${row.targetSuspects ? ` / ${row.targetSuspects}` : ''}`,
    },
    {
      key: 'progress',
      title: t('operations.board.progress'),
      render: (_, row) => (
        <Progress percent={Math.round(row.completionRate * 100)} size="small" style={{ width: 140 }} />
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('operations.board.title', { name: data?.operation.name ?? '' })}
        subtitle={t('operations.board.subtitle')}
        extra={
          <span>
            <Badge
              status={board.error ? 'error' : stream === 'live' ? 'processing' : 'warning'}
              text={
                <span data-testid="board-stream-state" data-state={stream}>
                  {t(`operations.board.stream.${stream}`)}
                  {data ? ` · ${t('operations.board.updated', { at: when(data.at) })}` : ''}
                </span>
              }
            />{' '}
            <Link to={`/operations/${id}`}>{t('operations.board.figures')}</Link>
          </span>
        }
      />
      {board.error !== null && <ProblemAlert error={board.error} onRetry={board.reload} />}
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Card title={t('operations.board.byUnit')}>
              <Table<OperationBoardUnit>
                rowKey={(row) => row.unit.code}
                size="small"
                columns={columns}
                dataSource={data.units}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card title={t('operations.board.feed')}>
              <List
                size="small"
                dataSource={data.feed}
                locale={{ emptyText: t('operations.board.noFeed') }}
                renderItem={(hop) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Link to={`/clues/${hop.clueId}`}>
                          {hop.from?.name ?? hop.to?.name} · {t(`clues.hop.${hop.kind}`)}
                          {hop.kind === 'feedback' && typeof hop.detail?.result === 'string'
                            ? ` · ${t(`clues.result.${hop.detail.result as 'verified'}`)}`
                            : ''}
                          {hop.detail?.result === 'caught'
                            ? ` ${t('clues.hop.caught', { n: Number(hop.detail.caughtCount) })}`
                            : ''}
                        </Link>
                      }
                      description={`${when(hop.at)} · ${hop.clueTitle}`}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
