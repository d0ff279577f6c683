import { Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { intelApi, type IntelEntry } from '../../../api';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { useT } from '../../../i18n';
import { mono } from '../labels';

/** 变更历史: every add and withdrawal of a value, on any list — who, when and why. */
export function EntryHistoryDrawer({ entry, onClose }: { entry: IntelEntry; onClose: () => void }) {
  const t = useT();
  const history = useRemote((signal) => intelApi.history(entry.value, signal), [entry.value]);
  const items = history.data?.items ?? [];
  return (
    <Drawer
      open
      onClose={onClose}
      size={460}
      title={
        <>
          {t('intel.history.title')} <span style={mono}>{entry.value}</span>
        </>
      }
    >
      {history.error !== null && <ProblemAlert error={history.error} onRetry={history.reload} />}
      {history.loading && !history.data ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={t('intel.history.empty')} />
      ) : (
        <Timeline
          items={items.map((change) => ({
            key: change.seq,
            color: change.op === 'remove' ? 'red' : 'blue',
            content: (
              <>
                <div>
                  <Tag color={change.op === 'remove' ? 'red' : 'blue'}>
                    {change.op === 'remove' ? t('intel.history.remove') : t('intel.history.add')}
                  </Tag>
                  {change.list}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(change.at).format('YYYY-MM-DD HH:mm:ss')} · {change.actor ?? t('audit.system')}
                </Typography.Text>
                {change.reason && <div>{change.reason}</div>}
              </>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
