import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Space, Spin, Table, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { cluesApi, type ClueDetail, type ClueHop } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { useT, type Translate } from '../../i18n';
import { mono } from '../intercept/labels';
import { FeedbackModal, NoteModal, TransferModal } from './ClueModals';
import { ClueStateTags, PriorityTag, when, yuan } from './labels';

type Dialog = 'note' | 'feedback' | 'transfer' | null;

const hopColors: Partial<Record<ClueHop['kind'], string>> = {
  dispatched: 'blue',
  signed: 'cyan',
  feedback: 'green',
  returned: 'orange',
  transferred: 'purple',
  reminded: 'gold',
  escalated: 'red',
};

/** One line of the flow: what happened, from where to where, who, and why. */
function hopText(t: Translate, hop: ClueHop): string {
  const detail = hop.detail ?? {};
  const result = typeof detail.result === 'string' ? t(`clues.result.${detail.result as 'verified'}`) : '';
  const caught =
    hop.kind === 'feedback' && detail.result === 'caught'
      ? t('clues.hop.caught', { n: Number(detail.caughtCount) })
      : '';
  const cause = hop.kind === 'reminded' && detail.cause === 'due_soon' ? t('clues.hop.dueSoon') : '';
  return [
    t(`clues.hop.${hop.kind}`),
    hop.from && hop.to ? `${hop.from.name} → ${hop.to.name}` : (hop.to?.name ?? ''),
    result,
    caught,
    cause,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One clue: what it is about, where it is, the whole flow, and what the caller may do now. */
export function ClueDetailPage() {
  const t = useT();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const remote = useRemote((signal) => cluesApi.get(id, signal), [id]);
  const [clue, setClue] = useState<ClueDetail>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [signing, setSigning] = useState(false);
  useEffect(() => setClue(remote.data), [remote.data]);
  const done = (notice: string) => (updated: ClueDetail) => {
    setClue(updated);
    setDialog(null);
    void message.success(notice);
  };

  if (remote.error !== null && !clue) return <ProblemAlert error={remote.error} onRetry={remote.reload} />;
  if (!clue) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  const sign = async () => {
    setSigning(true);
    try {
      done(t('clues.signed'))(await cluesApi.sign(clue.id));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSigning(false);
    }
  };

  return (
    <>
      <PageHeader
        title={clue.title}
        subtitle={`${clue.id} · ${clue.origin.name} → ${clue.unit.name}`}
        extra={
          <Space wrap>
            <Link to="/clues/inbox">{t('clues.detail.back')}</Link>
            {clue.actions.sign && (
              <Button type="primary" loading={signing} onClick={() => void sign()}>
                {t('clues.action.sign')}
              </Button>
            )}
            {clue.actions.feedback && (
              <Button type="primary" onClick={() => setDialog('feedback')}>
                {t('clues.action.feedback')}
              </Button>
            )}
            {clue.actions.note && <Button onClick={() => setDialog('note')}>{t('clues.action.note')}</Button>}
            {clue.actions.transfer && (
              <Button onClick={() => setDialog('transfer')}>{t('clues.action.transfer')}</Button>
            )}
          </Space>
        }
      />
      <Flex vertical gap={12}>
        <Card>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('clues.col.status')}>
              <span data-testid="clue-status">
                <ClueStateTags clue={clue} t={t} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('clues.col.priority')}>
              <PriorityTag priority={clue.priority} t={t} />
            </Descriptions.Item>
            <Descriptions.Item label={t('clues.col.deadline')}>{when(clue.deadlineAt)}</Descriptions.Item>
            <Descriptions.Item label={t('clues.col.unit')}>
              {clue.unit.name}（{clue.unit.code}）
            </Descriptions.Item>
            <Descriptions.Item label={t('clues.col.origin')}>{clue.origin.name}</Descriptions.Item>
            <Descriptions.Item label={t('clues.col.operation')}>
              {clue.operation ? (
                <Link to={`/operations/${clue.operation.id}`}>{clue.operation.name}</Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('clues.detail.signed')}>
              {clue.signedAt ? `${clue.signedBy ?? ''} · ${when(clue.signedAt)}` : '—'}
            </Descriptions.Item>
            {clue.suggestedUnit && (
              <Descriptions.Item label={t('clues.detail.suggested')}>
                {clue.suggestedUnit.name}
              </Descriptions.Item>
            )}
            {clue.result === 'caught' && (
              <Descriptions.Item label={t('clues.detail.caught')}>
                {t('clues.detail.caughtLine', {
                  n: clue.caughtCount ?? 0,
                  cards: clue.cardsSeized ?? 0,
                  money: yuan(clue.moneyFrozen ?? 0),
                })}
              </Descriptions.Item>
            )}
            {clue.source && (
              <Descriptions.Item label={t('clues.detail.source')}>
                {clue.source.kind} · <span style={mono}>{clue.source.id}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
            {clue.content}
          </Typography.Paragraph>
          {clue.resultNote && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('clues.detail.resultNote')}：{clue.resultNote}
            </Typography.Paragraph>
          )}
        </Card>
        <Card title={t('clues.detail.entities')}>
          <Table
            rowKey={(entity) => `${entity.kind}:${entity.value}`}
            size="small"
            pagination={false}
            dataSource={clue.entities}
            locale={{ emptyText: t('clues.detail.noEntities') }}
            columns={[
              {
                key: 'kind',
                title: t('clues.detail.entityKind'),
                render: (_, entity) => t(`clues.entity.${entity.kind}`),
              },
              {
                key: 'value',
                title: t('clues.detail.entityValue'),
                render: (_, entity) => <span style={mono}>{entity.value}</span>,
              },
              {
                key: 'label',
                title: t('clues.detail.entityLabel'),
                render: (_, entity) => entity.label ?? '—',
              },
            ]}
          />
        </Card>
        <Card title={t('clues.detail.flow')}>
          <Timeline
            items={clue.hops.map((hop) => ({
              color: hopColors[hop.kind] ?? 'gray',
              content: (
                <div data-testid="clue-hop">
                  <Typography.Text strong>{hopText(t, hop)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    {when(hop.at)} · {hop.actor}
                  </Typography.Text>
                  {hop.reason && (
                    <Typography.Paragraph style={{ margin: 0 }}>{hop.reason}</Typography.Paragraph>
                  )}
                </div>
              ),
            }))}
          />
        </Card>
      </Flex>
      {dialog === 'note' && (
        <NoteModal clue={clue} onClose={() => setDialog(null)} onDone={done(t('clues.noted'))} />
      )}
      {dialog === 'feedback' && (
        <FeedbackModal clue={clue} onClose={() => setDialog(null)} onDone={done(t('clues.fedBack'))} />
      )}
      {dialog === 'transfer' && (
        <TransferModal clue={clue} onClose={() => setDialog(null)} onDone={done(t('clues.transferred'))} />
      )}
    </>
  );
}
