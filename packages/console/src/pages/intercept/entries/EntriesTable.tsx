import { Space, Table, Tooltip, Typography, type TableColumnsType, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { IntelEntry, IntelList, Page } from '../../../api';
import { pageOf, paginationOf } from '../../../components/paging';
import { RowAction } from '../../../components/RowAction';
import { useT } from '../../../i18n';
import { ActionTag, labelOf, mono, SourceLabel } from '../labels';
import { screenLinkForEntry } from '../screen/screenQuery';
import type { EntriesUrlQuery } from './entriesQuery';

export interface EntryActions {
  onHistory: (entry: IntelEntry) => void;
  /** Absent for roles that cannot withdraw entries. */
  onRemove?: ((entry: IntelEntry) => void) | undefined;
  /** Whether this entry's list may be changed by the user (its owner is in the user's subtree). */
  canRemove?: (entry: IntelEntry) => boolean;
  /** Absent for roles that cannot file appeals. */
  onAppeal?: ((entry: IntelEntry) => void) | undefined;
}

interface EntriesTableProps extends EntryActions {
  page: Page<IntelEntry> | undefined;
  loading: boolean;
  query: EntriesUrlQuery;
  listsByName: ReadonlyMap<string, IntelList>;
  onQueryChange: (patch: Partial<EntriesUrlQuery>) => void;
}

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** One server page of listed values with their provenance and what can be done with each. */
export function EntriesTable(props: EntriesTableProps) {
  const { page, loading, query, listsByName, onQueryChange, onHistory, onRemove, onAppeal, canRemove } =
    props;
  const t = useT();
  const none = t('common.none');

  const columns: TableColumnsType<IntelEntry> = [
    {
      key: 'value',
      title: t('intel.entries.col.value'),
      render: (_, entry) => (
        <Typography.Text copyable style={mono}>
          {entry.value}
        </Typography.Text>
      ),
    },
    {
      key: 'list',
      title: t('intel.entries.col.list'),
      render: (_, entry) => (
        <Tooltip title={entry.list}>
          <span>{listsByName.get(entry.list)?.title ?? entry.list}</span>
        </Tooltip>
      ),
    },
    {
      key: 'match',
      title: t('intel.entries.col.match'),
      render: (_, entry) =>
        `${labelOf(t, 'intel.match.', entry.match)}${entry.accountKind ? ` · ${labelOf(t, 'intel.accountKind.', entry.accountKind)}` : ''}`,
    },
    {
      key: 'action',
      title: t('intel.entries.col.action'),
      render: (_, entry) => <ActionTag action={entry.action} />,
    },
    { key: 'confidence', title: t('intel.entries.col.confidence'), align: 'right', dataIndex: 'confidence' },
    {
      key: 'source',
      title: t('intel.entries.col.source'),
      render: (_, entry) => <SourceLabel source={entry.source} />,
    },
    {
      key: 'reason',
      title: t('intel.entries.col.reason'),
      render: (_, entry) => (
        <Typography.Text ellipsis={{ tooltip: entry.reason }} style={{ maxWidth: 200 }}>
          {entry.reason ?? none}
        </Typography.Text>
      ),
    },
    {
      key: 'addedAt',
      title: t('intel.entries.col.addedAt'),
      render: (_, entry) => (
        <Space orientation="vertical" size={0}>
          {when(entry.addedAt)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {entry.addedBy ?? none}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'expiresAt',
      title: t('intel.entries.col.expiresAt'),
      render: (_, entry) => (entry.expiresAt ? when(entry.expiresAt) : t('intel.entries.noExpiry')),
    },
    {
      key: 'actions',
      title: t('users.col.actions'),
      fixed: 'right',
      render: (_, entry) => (
        <Space size={0}>
          <Link
            to={screenLinkForEntry(entry)}
            aria-label={`${t('intel.entries.why')} ${entry.value}`}
            style={{ paddingInline: 7, fontSize: 12 }}
          >
            {t('intel.entries.why')}
          </Link>
          <RowAction
            label={t('intel.entries.history')}
            subject={entry.value}
            onClick={() => onHistory(entry)}
          />
          {onAppeal && entry.action !== 'allow' && (
            <RowAction label={t('appeals.file')} subject={entry.value} onClick={() => onAppeal(entry)} />
          )}
          {onRemove && (canRemove?.(entry) ?? true) && (
            <RowAction
              label={t('intel.entries.remove')}
              subject={entry.value}
              danger
              onClick={() => onRemove(entry)}
            />
          )}
        </Space>
      ),
    },
  ];

  const onChange: TableProps<IntelEntry>['onChange'] = (pagination, _filters, _sorter, extra) => {
    if (extra.action === 'paginate') {
      onQueryChange(pageOf(pagination, query));
    }
  };

  return (
    <Table<IntelEntry>
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
