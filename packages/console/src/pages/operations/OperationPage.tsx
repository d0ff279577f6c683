import { useMemo } from 'react';
import {
  Card,
  Col,
  Descriptions,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { Link, useParams } from 'react-router';
import { operationsApi, type OperationUnitFigures } from '../../api';
import { useCan } from '../../auth';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { useT } from '../../i18n';
import { EChart } from '../warnings/figures/EChart';
import { fraudTypeLabel } from '../cases/labels';
import { when, yuan } from '../clues/labels';
import { operationBarOption } from './chartOptions';
import { PhaseTag } from './OperationsPage';

/** One special operation: its window and focus, and its figures by unit, computed by the platform from the records. */
export function OperationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const canManage = useCan('operations.manage');
  const remote = useRemote((signal) => operationsApi.get(id, signal), [id]);
  const operation = remote.data;
  const option = useMemo(
    () => (operation ? operationBarOption(t, operation.units) : undefined),
    [operation, t],
  );
  if (remote.error !== null && !operation)
    return <ProblemAlert error={remote.error} onRetry={remote.reload} />;
  if (!operation || !option) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const columns: TableColumnsType<OperationUnitFigures> = [
    { key: 'unit', title: t('operations.col.unit'), render: (_, row) => row.unit.name },
    {
      key: 'targetSuspects',
      title: t('operations.figures.targetSuspects'),
      dataIndex: 'targetSuspects',
      align: 'right',
    },
    {
      key: 'suspectsCaught',
      title: t('operations.figures.suspectsCaught'),
      dataIndex: 'suspectsCaught',
      align: 'right',
    },
    {
      key: 'targetCases',
      title: t('operations.figures.targetCases'),
      dataIndex: 'targetCases',
      align: 'right',
    },
    {
      key: 'casesSolved',
      title: t('operations.figures.casesSolved'),
      dataIndex: 'casesSolved',
      align: 'right',
    },
    {
      key: 'cardsSeized',
      title: t('operations.figures.cardsSeized'),
      dataIndex: 'cardsSeized',
      align: 'right',
    },
    {
      key: 'moneyFrozen',
      title: t('operations.figures.moneyFrozen'),
      align: 'right',
      render: (_, row) => yuan(row.moneyFrozen),
    },
    {
      key: 'clues',
      title: t('operations.figures.clues'),
      align: 'right',
      render: (_, row) => `${row.cluesDone} / ${row.cluesDispatched}`,
    },
  ];
  const total = operation.total;
  return (
    <>
      <PageHeader
        title={operation.name}
        subtitle={`${operation.unit.name} · ${when(operation.windowFrom)} ~ ${when(operation.windowTo)}`}
        extra={
          <Space>
            {canManage && <Link to={`/operations/${operation.id}/edit`}>{t('operations.edit')}</Link>}
            <Link to={`/operations/${operation.id}/board`}>{t('operations.board.open')}</Link>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('operations.col.phase')}>
                <PhaseTag phase={operation.phase} />
              </Descriptions.Item>
              <Descriptions.Item label={t('operations.form.fraudTypes')}>
                {operation.fraudTypes.length === 0
                  ? t('operations.allFraudTypes')
                  : operation.fraudTypes.map((type) => (
                      <Tag key={type}>{fraudTypeLabel(t, type as 'other')}</Tag>
                    ))}
                {operation.cardTrade && <Tag color="purple">{t('operations.cardTrade')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('operations.computedAt')}>
                {when(operation.computedAt)}
              </Descriptions.Item>
            </Descriptions>
            {operation.description && <p style={{ margin: '8px 0 0' }}>{operation.description}</p>}
          </Card>
        </Col>
        {(
          [
            ['casesSolved', total.casesSolved, total.targetCases],
            ['suspectsCaught', total.suspectsCaught, total.targetSuspects],
            ['cardsSeized', total.cardsSeized, null],
            ['moneyFrozen', yuan(total.moneyFrozen), null],
          ] as const
        ).map(([key, value, target]) => (
          <Col key={key} xs={12} md={6}>
            <Card>
              <Statistic
                title={t(`operations.figures.${key}`)}
                value={value}
                suffix={target !== null ? `/ ${target}` : undefined}
              />
            </Card>
          </Col>
        ))}
        <Col span={24}>
          <Card title={t('operations.figures.byUnit')} extra={<span>{t('operations.figures.source')}</span>}>
            <EChart option={option} height={320} label={t('operations.figures.byUnit')} />
            <Table<OperationUnitFigures>
              rowKey={(row) => row.unit.code}
              size="small"
              columns={columns}
              dataSource={operation.units}
              pagination={false}
              scroll={{ x: 'max-content' }}
              style={{ marginTop: 12 }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
