import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { Footprint } from '../../api';
import { RowAction } from '../../components/RowAction';
import { useT } from '../../i18n';
import { ActionTag, mono } from '../intercept/labels';
import { footprintKindLabel, yuan } from './labels';

interface FootprintsTableProps {
  caseId: string;
  footprints: Footprint[];
  /** Absent for roles that cannot change cases, and for closed cases. */
  onRemove?: ((footprint: Footprint) => void) | undefined;
  /** Records a freeze on an account footprint; absent like `onRemove`. */
  onFreeze?: ((footprint: Footprint) => void) | undefined;
}

/** A case's footprints with what screening does with each now: blocked or marked on which list, or why not. */
export function FootprintsTable({ caseId, footprints, onRemove, onFreeze }: FootprintsTableProps) {
  const t = useT();
  const none = t('common.none');
  const columns: TableColumnsType<Footprint> = [
    { key: 'kind', title: t('cases.form.kind'), render: (_, row) => footprintKindLabel(t, row) },
    {
      key: 'value',
      title: t('cases.form.value'),
      render: (_, row) => (
        <Typography.Text copyable delete={row.status === 'removed'} style={mono}>
          {row.value}
        </Typography.Text>
      ),
    },
    {
      key: 'verdict',
      title: t('cases.detail.verdict'),
      render: (_, row) => <Verdict caseId={caseId} footprint={row} />,
    },
    {
      key: 'amount',
      title: t('cases.form.amount'),
      align: 'right',
      render: (_, row) => (
        <Space orientation="vertical" size={0} align="end">
          {row.amount === null ? none : yuan(row.amount)}
          {row.frozenAmount > 0 && (
            <Tag color="blue" data-testid="footprint-frozen">
              {t('cases.freeze.frozen', { amount: yuan(row.frozenAmount) })}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      key: 'time',
      title: t('cases.form.time'),
      render: (_, row) => (row.occurredAt ? dayjs(row.occurredAt).format('YYYY-MM-DD HH:mm') : none),
    },
    { key: 'note', title: t('cases.form.note'), render: (_, row) => row.note ?? row.removalReason ?? none },
    ...(onRemove
      ? [
          {
            key: 'actions',
            title: t('users.col.actions'),
            render: (_: unknown, row: Footprint) =>
              row.status === 'active' && (
                <Space size={4}>
                  {onFreeze && row.kind === 'account' && (
                    <RowAction
                      label={t('cases.freeze.submit')}
                      subject={row.value}
                      onClick={() => onFreeze(row)}
                    />
                  )}
                  <RowAction
                    label={t('cases.detail.removeFootprint')}
                    subject={row.value}
                    danger
                    onClick={() => onRemove(row)}
                  />
                </Space>
              ),
          },
        ]
      : []),
  ];
  return (
    <Table<Footprint>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={footprints}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}

function Verdict({ caseId, footprint }: { caseId: string; footprint: Footprint }) {
  const t = useT();
  if (footprint.status === 'removed') return <Tag>{t('cases.detail.removed')}</Tag>;
  if (!footprint.list)
    return (
      <Typography.Text type="secondary">
        {t(footprint.kind === 'app' ? 'cases.detail.appNameOnly' : 'cases.detail.notScreened')}
      </Typography.Text>
    );
  const entry = footprint.entry;
  if (!entry) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const elsewhere = entry.source.kind === 'case' && entry.source.id !== caseId;
  return (
    <Space size={4} wrap>
      <ActionTag action={entry.action} />
      <Link
        to={`/intercept/entries?list=${encodeURIComponent(entry.list)}&q=${encodeURIComponent(footprint.value)}`}
      >
        {t('cases.detail.onList', { list: entry.list })}
      </Link>
      {elsewhere && (
        <Link to={`/cases/${entry.source.id}`} style={{ fontSize: 12 }}>
          {t('cases.detail.heldBy', { id: entry.source.id })}
        </Link>
      )}
    </Space>
  );
}
