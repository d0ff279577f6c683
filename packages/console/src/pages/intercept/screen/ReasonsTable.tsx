import { Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { IntelList, VerdictReason } from '../../../api';
import { isMessageKey, useT } from '../../../i18n';
import { ActionTag, labelOf, ruleText, SourceLabel } from '../labels';
import { entryActions, type EntryAction } from '../../../api';

const isEntryAction = (action: string): action is EntryAction =>
  (entryActions as readonly string[]).includes(action);
const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** Why: every list entry or rule that matched — which list, which rule, which case, since when, until when. */
export function ReasonsTable({
  reasons,
  listsByName,
}: {
  reasons: VerdictReason[];
  listsByName: ReadonlyMap<string, IntelList>;
}) {
  const t = useT();
  const columns: TableColumnsType<VerdictReason> = [
    {
      key: 'list',
      title: t('screen.col.list'),
      render: (_, reason) => {
        const list = listsByName.get(reason.list);
        return (
          <>
            {list?.title ?? labelOf(t, 'screen.list.', reason.list)}{' '}
            {(list || isMessageKey(`screen.list.${reason.list}`)) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {reason.list}
              </Typography.Text>
            )}
          </>
        );
      },
    },
    {
      key: 'rule',
      title: t('screen.col.rule'),
      render: (_, reason) => (
        <>
          {ruleText(t, reason.rule)}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {reason.rule}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'action',
      title: t('screen.col.action'),
      render: (_, reason) =>
        isEntryAction(reason.action) ? <ActionTag action={reason.action} /> : reason.action,
    },
    { key: 'confidence', title: t('intel.entries.col.confidence'), align: 'right', dataIndex: 'confidence' },
    {
      key: 'source',
      title: t('screen.col.source'),
      render: (_, reason) => <SourceLabel source={reason.source} />,
    },
    { key: 'addedAt', title: t('screen.col.addedAt'), render: (_, reason) => when(reason.addedAt) },
    {
      key: 'expiresAt',
      title: t('intel.entries.col.expiresAt'),
      render: (_, reason) => (reason.expiresAt ? when(reason.expiresAt) : t('intel.entries.noExpiry')),
    },
  ];
  return (
    <Table<VerdictReason>
      rowKey={(reason) => `${reason.list}|${reason.rule}|${reason.source.kind}|${reason.source.id}`}
      size="small"
      columns={columns}
      dataSource={reasons}
      pagination={false}
      scroll={{ x: 'max-content' }}
      aria-label={t('screen.reasons')}
    />
  );
}
