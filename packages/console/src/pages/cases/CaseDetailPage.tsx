import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Space, Spin, Timeline, Typography } from 'antd';
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { casesApi, nextCaseStatuses, type CaseDetail, type CaseStatus, type Footprint } from '../../api';
import { useCan } from '../../auth';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { useT } from '../../i18n';
import {
  FootprintAddModal,
  FootprintFreezeModal,
  FootprintRemoveModal,
  RevealModal,
  TransitionModal,
} from './CaseModals';
import { FootprintsTable } from './FootprintsTable';
import { fraudTypeLabel, StatusTag, yuan } from './labels';

type Dialog =
  | { kind: 'transition'; to: CaseStatus }
  | { kind: 'add' | 'reveal' }
  | { kind: 'remove' | 'freeze'; footprint: Footprint }
  | null;

const when = (at: string | null, none: string) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : none);

/** One case: its facts, footprints with their screening verdicts, status flow and history. */
export function CaseDetailPage() {
  const t = useT();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const canWrite = useCan('cases.write');
  const canReveal = useCan('cases.reveal');
  const remote = useRemote((signal) => casesApi.get(id, signal), [id]);
  const [theCase, setCase] = useState<CaseDetail>();
  const [dialog, setDialog] = useState<Dialog>(null);
  useEffect(() => setCase(remote.data), [remote.data]);
  const close = () => setDialog(null);
  const done = (notice: string) => (updated: CaseDetail) => {
    setCase(updated);
    close();
    void message.success(notice);
  };

  if (remote.error !== null && !theCase) return <ProblemAlert error={remote.error} onRetry={remote.reload} />;
  if (!theCase) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const none = t('common.none');
  const open = theCase.status !== 'withdrawn';

  return (
    <>
      <PageHeader
        title={t('cases.detail.title', { id: theCase.id })}
        subtitle={`${fraudTypeLabel(t, theCase.fraudType)} · ${theCase.unitName}`}
        extra={
          <Space wrap>
            <Link to="/cases">{t('cases.detail.back')}</Link>
            {canReveal && (
              <Button icon={<EyeOutlined />} onClick={() => setDialog({ kind: 'reveal' })}>
                {t('cases.detail.reveal')}
              </Button>
            )}
            {canWrite &&
              nextCaseStatuses[theCase.status].map((to) => (
                <Button
                  key={to}
                  danger={to === 'withdrawn'}
                  type={to === 'withdrawn' ? 'default' : 'primary'}
                  onClick={() => setDialog({ kind: 'transition', to })}
                >
                  {t(`cases.action.${to}`)}
                </Button>
              ))}
          </Space>
        }
      />
      <Flex vertical gap={12}>
        <Card>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('cases.col.status')}>
              <StatusTag status={theCase.status} t={t} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.detail.unit')}>
              {theCase.unitName}（{theCase.unitCode}）
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.detail.externalRef')}>
              {theCase.externalRef ?? none}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.detail.victim')}>
              {[theCase.victim.name, theCase.victim.phone, theCase.victim.idNumber]
                .filter(Boolean)
                .join(' · ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.col.amountLost')}>
              {yuan(theCase.amountLost)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.detail.warning')}>
              {theCase.warningId ?? none}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.detail.occurredAt')}>
              {when(theCase.occurredAt, none)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.col.reportedAt')}>
              {when(theCase.reportedAt, none)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.detail.createdBy')}>
              {theCase.createdBy} · {when(theCase.createdAt, none)}
            </Descriptions.Item>
          </Descriptions>
          {theCase.narrative && (
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
              {theCase.narrative}
            </Typography.Paragraph>
          )}
        </Card>
        <Card
          title={t('cases.detail.footprints')}
          extra={
            canWrite &&
            open && (
              <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
                {t('cases.detail.addFootprint')}
              </Button>
            )
          }
        >
          <FootprintsTable
            caseId={theCase.id}
            footprints={theCase.footprints}
            onRemove={canWrite && open ? (footprint) => setDialog({ kind: 'remove', footprint }) : undefined}
            onFreeze={canWrite && open ? (footprint) => setDialog({ kind: 'freeze', footprint }) : undefined}
          />
        </Card>
        {theCase.suspects.length > 0 && (
          <Card title={t('cases.detail.suspects')}>
            <Descriptions column={1} size="small">
              {theCase.suspects.map((suspect, index) => (
                <Descriptions.Item key={suspect.id} label={`${index + 1}`}>
                  {[suspect.name, suspect.phone, suspect.idNumber, suspect.note]
                    .filter(Boolean)
                    .join(' · ') || none}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        )}
        <Flex gap={12} wrap>
          {theCase.timeline.length > 0 && (
            <Card title={t('cases.detail.timeline')} style={{ flex: 1, minWidth: 320 }}>
              <Timeline
                items={theCase.timeline.map((item) => ({ title: when(item.at, none), content: item.event }))}
              />
            </Card>
          )}
          <Card title={t('cases.detail.history')} style={{ flex: 1, minWidth: 320 }}>
            <Timeline
              items={theCase.transitions.map((step) => ({
                title: when(step.at, none),
                content: (
                  <Space orientation="vertical" size={0}>
                    <span>
                      {step.from
                        ? t('cases.detail.historyLine', {
                            from: t(`cases.status.${step.from}`),
                            to: t(`cases.status.${step.to}`),
                          })
                        : t('cases.detail.intake')}{' '}
                      · {step.actor}
                    </span>
                    {(step.cause || step.reason) && (
                      <Typography.Text type="secondary">
                        {[step.cause && t(`cases.cause.${step.cause}`), step.reason]
                          .filter(Boolean)
                          .join('：')}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              }))}
            />
          </Card>
        </Flex>
      </Flex>
      {dialog?.kind === 'transition' && (
        <TransitionModal
          theCase={theCase}
          to={dialog.to}
          onClose={close}
          onDone={done(t('cases.detail.transitioned', { status: t(`cases.status.${dialog.to}`) }))}
        />
      )}
      {dialog?.kind === 'add' && (
        <FootprintAddModal
          theCase={theCase}
          onClose={close}
          onDone={done(t('cases.detail.footprintAdded'))}
        />
      )}
      {dialog?.kind === 'remove' && (
        <FootprintRemoveModal
          theCase={theCase}
          footprint={dialog.footprint}
          onClose={close}
          onDone={done(t('cases.detail.footprintRemoved'))}
        />
      )}
      {dialog?.kind === 'freeze' && (
        <FootprintFreezeModal
          theCase={theCase}
          footprint={dialog.footprint}
          onClose={close}
          onDone={done(t('cases.freeze.done'))}
        />
      )}
      {dialog?.kind === 'reveal' && <RevealModal theCase={theCase} onClose={close} />}
    </>
  );
}
