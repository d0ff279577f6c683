import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
  type TableProps,
} from 'antd';
import { NodeIndexOutlined, SendOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { cardGroupings, cardsApi, type CardGrouping, type KeyTarget } from '../../api';
import { useCan } from '../../auth';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RowAction } from '../../components/RowAction';
import { pageOf, paginationOf } from '../../components/paging';
import { useRemote } from '../../hooks/useRemote';
import { useUrlQuery } from '../../hooks/useUrlQuery';
import { useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';
import { yuan } from '../cases/labels';
import { mono } from '../intercept/labels';
import { ChainEdgeModal } from './ChainEdgeModal';
import { ChainModal } from './ChainModal';
import { parseUnitQuery } from './cardsQuery';
import { DispatchModal } from './DispatchModal';
import { reasonText } from './labels';
import { RevealModal } from './RevealModal';

/** 重点对象: a unit's persons of the card trade ranked by score, with the reasons; dispatched as clues in one step. */
export function KeyTargetsPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const canDispatch = useCan('cards.dispatch');
  const canReveal = useCan('cards.reveal');
  const canWrite = useCan('cards.write');
  const [recording, setRecording] = useState(false);
  const [query, setQuery] = useUrlQuery(parseUnitQuery);
  const targets = useRemote((signal) => cardsApi.targets(query, signal), [JSON.stringify(query)]);
  const [selected, setSelected] = useState<string[]>([]);
  const [dispatching, setDispatching] = useState(false);
  const [chainOf, setChainOf] = useState<KeyTarget | null>(null);
  const [revealing, setRevealing] = useState<KeyTarget | null>(null);

  const columns: TableColumnsType<KeyTarget> = [
    { key: 'rank', title: t('cards.col.rank'), dataIndex: 'rank', width: 64 },
    {
      key: 'person',
      title: t('cards.col.holder'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>
            {row.name} <span style={mono}>{row.idNumber}</span>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('cards.col.residence')}: {row.residence.unit?.name ?? row.residence.code}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'score', title: t('cards.col.score'), align: 'right', render: (_, row) => <b>{row.score}</b> },
    {
      key: 'reasons',
      title: t('cards.col.reasons'),
      render: (_, row) => (
        <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>
          {row.reasons.map((reason) => (
            <Tag key={reason.code}>{reasonText(t, reason)}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'cards', title: t('cards.col.cardsSold'), align: 'right', dataIndex: 'cardsSold' },
    { key: 'cases', title: t('cards.col.cases'), align: 'right', dataIndex: 'casesTouched' },
    { key: 'money', title: t('cards.col.amount'), align: 'right', render: (_, row) => yuan(row.moneyPassed) },
    { key: 'targetUnit', title: t('cards.col.targetUnit'), render: (_, row) => row.targetUnit.name },
    {
      key: 'dispatched',
      title: t('cards.col.dispatched'),
      render: (_, row) =>
        row.dispatched ? (
          <Link to={`/clues/${encodeURIComponent(row.dispatched.clueId)}`} style={mono}>
            {row.dispatched.clueId}
          </Link>
        ) : (
          <Typography.Text type="secondary">{t('cards.notDispatched')}</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: t('users.col.actions'),
      render: (_, row) => (
        <Space size={0}>
          <RowAction label={t('cards.chain.action')} subject={row.name} onClick={() => setChainOf(row)} />
          {canReveal && (
            <RowAction
              label={t('cards.reveal.action')}
              subject={row.name}
              onClick={() => setRevealing(row)}
            />
          )}
        </Space>
      ),
    },
  ];

  const onChange: TableProps<KeyTarget>['onChange'] = (pagination, _filters, _sorter, extra) => {
    if (extra.action === 'paginate') setQuery(pageOf(pagination, query));
  };

  return (
    <>
      <PageHeader
        title={t('cards.targets.title')}
        subtitle={t('cards.targets.subtitle')}
        extra={
          <Space>
            {canWrite && (
              <Button icon={<NodeIndexOutlined />} onClick={() => setRecording(true)}>
                {t('cards.chainForm.title')}
              </Button>
            )}
            {canDispatch && (
              <Tooltip title={t('cards.dispatch.hint')}>
                <Button type="primary" icon={<SendOutlined />} onClick={() => setDispatching(true)}>
                  {selected.length > 0
                    ? t('cards.dispatch.selectedButton', { count: selected.length })
                    : t('cards.dispatch.button')}
                </Button>
              </Tooltip>
            )}
          </Space>
        }
      />
      {targets.error !== null && <ProblemAlert error={targets.error} onRetry={targets.reload} />}
      <Card>
        <FilterBar>
          <Segmented<CardGrouping>
            value={query.by}
            onChange={(by) => setQuery({ by, page: 1 })}
            options={cardGroupings.map((by) => ({ value: by, label: t(`cards.by.${by}`) }))}
          />
          <UnitTreeSelect
            aria-label={t('cards.filterUnit')}
            placeholder={t('cards.filterUnit')}
            value={query.unit ?? targets.data?.unit.code}
            onChange={(unit) => setQuery({ unit, page: 1 })}
            style={{ width: 220 }}
          />
        </FilterBar>
        <Table<KeyTarget>
          rowKey="personId"
          size="middle"
          columns={columns}
          dataSource={targets.data?.items ?? []}
          loading={targets.loading}
          onChange={onChange}
          scroll={{ x: 'max-content' }}
          pagination={paginationOf(t, query, targets.data?.total, [20, 50, 100, 200])}
          {...(canDispatch
            ? {
                rowSelection: {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                  getCheckboxProps: (row: KeyTarget) => ({ disabled: row.dispatched !== null }),
                },
              }
            : {})}
        />
      </Card>
      {dispatching && (
        <DispatchModal
          unit={query.unit}
          by={query.by}
          personIds={selected}
          onClose={() => setDispatching(false)}
          onDone={(result) => {
            setDispatching(false);
            setSelected([]);
            void message.success(
              t('cards.dispatch.done', {
                dispatched: result.dispatched.length,
                skipped: result.skipped.length,
              }),
            );
            targets.reload();
          }}
        />
      )}
      {recording && (
        <ChainEdgeModal
          onClose={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            void message.success(t('cards.chainForm.done'));
            targets.reload();
          }}
        />
      )}
      {chainOf && (
        <ChainModal personId={chainOf.personId} name={chainOf.name} onClose={() => setChainOf(null)} />
      )}
      {revealing && (
        <RevealModal
          subject={revealing.name}
          reveal={(reason) => cardsApi.revealPerson(revealing.personId, reason)}
          onClose={() => setRevealing(null)}
        />
      )}
    </>
  );
}
