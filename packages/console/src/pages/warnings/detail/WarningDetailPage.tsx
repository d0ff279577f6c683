import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Flex, Result, Row, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, PhoneOutlined, SwapOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem, warningsApi, type WarningDetail } from '../../../api';
import { useCan } from '../../../auth';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { useT } from '../../../i18n';
import { useUnits } from '../../../units/UnitsProvider';
import { labelOf } from '../../intercept/labelText';
import { mono } from '../../intercept/labels';
import { Countdown, useNow } from '../Countdown';
import { EscalatedTag, FraudTypeText, LevelTag, StatusTag } from '../labels';
import { useWarningStream } from '../live/WarningStreamProvider';
import { AttemptModal } from './AttemptModal';
import { AttemptsTable } from './AttemptsTable';
import { EvidenceTimeline } from './EvidenceTimeline';
import { TransferModal } from './TransferModal';

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss');

/** One warning: who, where it was routed, the evidence with each rule's reason, the attempts, and the work on it. */
export function WarningDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canWork = useCan('warnings.work');
  const now = useNow();
  const { byCode } = useUnits();
  const remote = useRemote((signal) => warningsApi.get(id, signal), [id]);
  const [shown, setShown] = useState<WarningDetail>();
  const [dialog, setDialog] = useState<'attempt' | 'transfer' | null>(null);
  const { subscribe, markSeen } = useWarningStream();
  const { reload } = remote;

  useEffect(() => setShown(remote.data), [remote.data]);
  useEffect(() => {
    markSeen(id);
    return subscribe({
      onWarning: (summary) => {
        if (summary.id !== id) return;
        markSeen(id);
        reload();
      },
      onResync: reload,
    });
  }, [subscribe, markSeen, id, reload]);

  if (remote.error instanceof ApiProblem && remote.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('problem.not_found')}
        extra={
          <Link to="/warnings/queue">
            <Button>{t('warnings.detail.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (!shown) {
    return remote.error !== null ? (
      <ProblemAlert error={remote.error} onRetry={remote.reload} />
    ) : (
      <Spin style={{ display: 'block', margin: '64px auto' }} />
    );
  }

  const warning = shown;
  const unitName = (code: string) => byCode.get(code)?.name ?? code;
  const open = warning.status === 'open';
  const done = (text: string) => (updated: WarningDetail) => {
    setDialog(null);
    void message.success(text);
    // Sent out of the caller's subtree (the province's queue): it is no longer theirs to see.
    if (!byCode.has(updated.unitCode)) {
      void navigate('/warnings/queue');
      return;
    }
    setShown({ ...warning, ...updated });
    reload();
  };

  return (
    <>
      <Flex align="center" justify="space-between" gap={12} wrap style={{ marginBottom: 12 }}>
        <Space size={8} align="center" wrap>
          <Link to="/warnings/queue" aria-label={t('warnings.detail.back')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('warnings.detail.title', { phone: warning.phoneMasked })}
          </Typography.Title>
          <LevelTag level={warning.level} />
          <StatusTag status={warning.status} />
          {warning.escalated && <EscalatedTag to={warning.escalatedTo} />}
        </Space>
        {canWork && open && (
          <Space>
            <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')}>
              {t('warnings.transfer.open')}
            </Button>
            <Button type="primary" icon={<PhoneOutlined />} onClick={() => setDialog('attempt')}>
              {t('warnings.attempt.open')}
            </Button>
          </Space>
        )}
      </Flex>
      {remote.error !== null && <ProblemAlert error={remote.error} onRetry={remote.reload} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card
            title={t('warnings.detail.person')}
            extra={
              warning.phone && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('warnings.detail.auditedRead')}
                </Typography.Text>
              )
            }
          >
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('warnings.col.phone')}>
                <Typography.Text copyable={Boolean(warning.phone)} style={mono}>
                  {warning.phone ?? warning.phoneMasked}
                </Typography.Text>
              </Descriptions.Item>
              {(warning.idNumber ?? warning.idNumberMasked) && (
                <Descriptions.Item label={t('warnings.detail.idNumber')}>
                  <span style={mono}>{warning.idNumber ?? warning.idNumberMasked}</span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('warnings.col.unit')}>
                {warning.unitName ?? unitName(warning.unitCode)}（{warning.unitCode}）
              </Descriptions.Item>
              {warning.routedBy && (
                <Descriptions.Item label={t('warnings.detail.routedBy')}>
                  {labelOf(t, 'warnings.routedBy.', warning.routedBy)}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('warnings.col.level')}>
                <LevelTag level={warning.level} />
              </Descriptions.Item>
              <Descriptions.Item label={t('warnings.col.fraudType')}>
                <FraudTypeText fraudType={warning.fraudType} />
              </Descriptions.Item>
              <Descriptions.Item label={t('warnings.col.createdAt')}>
                {when(warning.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('warnings.col.deadline')}>
                <Space size={8}>
                  {when(warning.deadlineAt)}
                  {open && !warning.firstContactAt && <Countdown deadlineAt={warning.deadlineAt} now={now} />}
                </Space>
              </Descriptions.Item>
              {warning.firstContactAt && (
                <Descriptions.Item label={t('warnings.detail.firstContact')}>
                  {when(warning.firstContactAt)}
                </Descriptions.Item>
              )}
              {warning.closedAt && (
                <Descriptions.Item label={t('warnings.detail.closedAt')}>
                  {when(warning.closedAt)}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('warnings.detail.evidence')}>
            <EvidenceTimeline items={warning.timeline} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('warnings.detail.attempts')}>
            <AttemptsTable attempts={warning.attempts} />
          </Card>
        </Col>
      </Row>
      {dialog === 'attempt' && (
        <AttemptModal
          warning={warning}
          onClose={() => setDialog(null)}
          onRecorded={done(t('warnings.attempt.recorded'))}
        />
      )}
      {dialog === 'transfer' && (
        <TransferModal
          warning={warning}
          onClose={() => setDialog(null)}
          onTransferred={done(t('warnings.transfer.done'))}
        />
      )}
    </>
  );
}
