import { Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TimelineItem } from '../../../api';
import { useLocale, useT } from '../../../i18n';
import { labelOf } from '../../intercept/labelText';
import { mono } from '../../intercept/labels';
import { formatYuan, levelColors, LevelTag } from '../labels';

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss');

/** The evidence in time order: each signal (what happened, with whom, which lists knew them) and each rule that fired, with its reason. */
export function EvidenceTimeline({ items }: { items: readonly TimelineItem[] }) {
  const t = useT();
  const { locale } = useLocale();
  const sorted = [...items].sort((a, b) => a.at.localeCompare(b.at));
  if (sorted.length === 0)
    return <Typography.Text type="secondary">{t('warnings.detail.noEvidence')}</Typography.Text>;
  return (
    <Timeline
      items={sorted.map((item, index) =>
        item.type === 'firing'
          ? {
              key: `firing-${index}`,
              color: item.level ? levelColors[item.level] : 'red',
              content: (
                <Space orientation="vertical" size={2}>
                  <Space size={6} wrap>
                    <Typography.Text type="secondary">{when(item.at)}</Typography.Text>
                    <Typography.Text strong>{t('warnings.detail.ruleFired')}</Typography.Text>
                    {item.level && <LevelTag level={item.level} />}
                    <Typography.Text>{item.ruleName ?? item.ruleId}</Typography.Text>
                    {item.ruleVersion !== undefined && (
                      <Typography.Text type="secondary">v{item.ruleVersion}</Typography.Text>
                    )}
                  </Space>
                  {item.reason && <Typography.Text>{item.reason}</Typography.Text>}
                </Space>
              ),
            }
          : {
              key: `signal-${item.eventId ?? index}`,
              color: item.lists && item.lists.length > 0 ? 'orange' : 'gray',
              content: (
                <Space orientation="vertical" size={2}>
                  <Space size={6} wrap>
                    <Typography.Text type="secondary">{when(item.at)}</Typography.Text>
                    <Tag style={{ marginInlineEnd: 0 }}>
                      {item.kind ? labelOf(t, 'warnings.eventKind.', item.kind) : t('common.none')}
                    </Tag>
                    {item.counterparty && <span style={mono}>{item.counterparty}</span>}
                    {item.amount != null && (
                      <Typography.Text>
                        {t('warnings.yuan', { amount: formatYuan(item.amount, locale) })}
                      </Typography.Text>
                    )}
                  </Space>
                  <Space size={4} wrap>
                    {(item.lists ?? []).map((list) => (
                      <Tag key={list} color="volcano">
                        {list}
                      </Tag>
                    ))}
                    {item.fraudType && <Tag color="purple">{labelOf(t, 'fraudType.', item.fraudType)}</Tag>}
                    {item.eventId && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('warnings.detail.eventId', { id: item.eventId })}
                      </Typography.Text>
                    )}
                  </Space>
                </Space>
              ),
            },
      )}
    />
  );
}
