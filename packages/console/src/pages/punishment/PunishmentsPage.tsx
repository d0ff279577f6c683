import { useState } from 'react';
import {
  App as AntApp,
  Badge,
  Card,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
  type TableProps,
} from 'antd';
import dayjs from 'dayjs';
import {
  punishmentApi,
  punishmentMeasures,
  punishmentStatuses,
  type Punishment,
  type PunishmentStatus,
} from '../../api';
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
import { RevealModal } from '../cards/RevealModal';
import { mono } from '../intercept/labels';
import { AddPunishmentModal, PunishmentActionModal } from './PunishmentModals';
import { parsePunishmentQuery } from './punishmentQuery';

const statusColors: Record<PunishmentStatus, string> = {
  pending: 'gold',
  active: 'red',
  expired: 'default',
  ended: 'blue',
  revoked: 'green',
};

type Action = 'end' | 'appeal' | 'decide' | 'reveal';

/** 联合惩戒: persons under financial or telecom punishment; in force now by default (expired ones drop off). */
export function PunishmentsPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const canManage = useCan('punishment.manage');
  const canAppeal = useCan('punishment.appeal');
  const canReveal = useCan('punishment.reveal');
  const [query, setQuery] = useUrlQuery(parsePunishmentQuery);
  const list = useRemote((signal) => punishmentApi.find(query, signal), [JSON.stringify(query)]);
  const [adding, setAdding] = useState(false);
  const [acting, setActing] = useState<{ action: Action; row: Punishment } | null>(null);

  const open = (row: Punishment) => row.status === 'active' || row.status === 'pending';
  const columns: TableColumnsType<Punishment> = [
    {
      key: 'person',
      title: t('punishment.col.person'),
      render: (_, row) => (
        <span>
          {row.name} <span style={mono}>{row.idNumber}</span>
        </span>
      ),
    },
    {
      key: 'measure',
      title: t('punishment.col.measure'),
      render: (_, row) => t(`punishment.measure.${row.measure}`),
    },
    {
      key: 'status',
      title: t('punishment.col.status'),
      render: (_, row) => (
        <Space size={4}>
          <Tag color={statusColors[row.status]}>{t(`punishment.status.${row.status}`)}</Tag>
          {row.openAppeals > 0 && <Badge status="processing" text={t('punishment.appealOpen')} />}
        </Space>
      ),
    },
    {
      key: 'reason',
      title: t('punishment.col.reason'),
      render: (_, row) => (
        <Typography.Text ellipsis={{ tooltip: row.endReason ?? row.reason }} style={{ maxWidth: 240 }}>
          {row.reason}
        </Typography.Text>
      ),
    },
    {
      key: 'period',
      title: t('punishment.col.period'),
      render: (_, row) =>
        `${dayjs(row.startsAt).format('YYYY-MM-DD')} ~ ${dayjs(row.endedAt ?? row.endsAt).format('YYYY-MM-DD')}`,
    },
    { key: 'unit', title: t('punishment.col.unit'), render: (_, row) => row.unit.name },
    {
      key: 'actions',
      title: t('users.col.actions'),
      render: (_, row) => (
        <Space size={0}>
          {canReveal && (
            <RowAction
              label={t('cards.reveal.action')}
              subject={row.name}
              onClick={() => setActing({ action: 'reveal', row })}
            />
          )}
          {canAppeal && open(row) && row.openAppeals === 0 && (
            <RowAction
              label={t('punishment.appeal.action')}
              subject={row.name}
              onClick={() => setActing({ action: 'appeal', row })}
            />
          )}
          {canManage && row.openAppeals > 0 && (
            <RowAction
              label={t('punishment.decide.action')}
              subject={row.name}
              onClick={() => setActing({ action: 'decide', row })}
            />
          )}
          {canManage && open(row) && (
            <RowAction
              danger
              label={t('punishment.end.action')}
              subject={row.name}
              onClick={() => setActing({ action: 'end', row })}
            />
          )}
        </Space>
      ),
    },
  ];

  const onChange: TableProps<Punishment>['onChange'] = (pagination, _filters, _sorter, extra) => {
    if (extra.action === 'paginate') setQuery(pageOf(pagination, query));
  };
  const done = (text: string) => {
    setAdding(false);
    setActing(null);
    void message.success(text);
    list.reload();
  };

  return (
    <>
      <PageHeader title={t('punishment.title')} subtitle={t('punishment.subtitle')} />
      {list.error !== null && <ProblemAlert error={list.error} onRetry={list.reload} />}
      <Card>
        <FilterBar
          action={
            canManage ? { label: t('punishment.add.title'), onClick: () => setAdding(true) } : undefined
          }
        >
          <Select
            aria-label={t('punishment.col.status')}
            value={query.status}
            onChange={(status) => setQuery({ status, page: 1 })}
            options={[...punishmentStatuses, 'all' as const].map((status) => ({
              value: status,
              label: t(`punishment.status.${status}`),
            }))}
            style={{ width: 120 }}
          />
          <Select
            allowClear
            aria-label={t('punishment.col.measure')}
            placeholder={t('punishment.col.measure')}
            value={query.measure}
            onChange={(measure) => setQuery({ measure: measure ?? undefined, page: 1 })}
            options={punishmentMeasures.map((m) => ({ value: m, label: t(`punishment.measure.${m}`) }))}
            style={{ width: 130 }}
          />
          <UnitTreeSelect
            allowClear
            aria-label={t('punishment.col.unit')}
            placeholder={t('punishment.col.unit')}
            value={query.unit}
            onChange={(unit) => setQuery({ unit, page: 1 })}
            style={{ width: 200 }}
          />
          <Input.Search
            allowClear
            aria-label={t('punishment.searchId')}
            placeholder={t('punishment.searchId')}
            defaultValue={query.idNumber}
            onSearch={(idNumber) => setQuery({ idNumber: idNumber.trim() || undefined, page: 1 })}
            style={{ width: 240 }}
          />
        </FilterBar>
        <Table<Punishment>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          onChange={onChange}
          scroll={{ x: 'max-content' }}
          pagination={paginationOf(t, query, list.data?.total, [20, 50, 100, 200])}
        />
      </Card>
      {adding && (
        <AddPunishmentModal onClose={() => setAdding(false)} onDone={() => done(t('punishment.add.done'))} />
      )}
      {acting?.action === 'reveal' && (
        <RevealModal
          subject={acting.row.name}
          reveal={(reason) => punishmentApi.reveal(acting.row.id, reason)}
          onClose={() => setActing(null)}
        />
      )}
      {acting && acting.action !== 'reveal' && (
        <PunishmentActionModal
          action={acting.action}
          punishment={acting.row}
          onClose={() => setActing(null)}
          onDone={() => done(t(`punishment.${acting.action as 'end' | 'appeal' | 'decide'}.done`))}
        />
      )}
    </>
  );
}
