import type { ReactNode } from 'react';
import { Space, Tag, Timeline, Typography, type TimelineItemProps } from 'antd';
import dayjs from 'dayjs';
import type { TimelineItem } from '../../../api';
import { useLocale, useT, type Translate } from '../../../i18n';
import { useUnits } from '../../../units/UnitsProvider';
import { labelOf } from '../../intercept/labelText';
import { mono } from '../../intercept/labels';
import { formatYuan, levelColors, LevelTag } from '../labels';

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss');

function Entry({ at, head, children }: { at: string; head: ReactNode; children?: ReactNode }) {
  return (
    <Space orientation="vertical" size={2}>
      <Space size={6} wrap>
        <Typography.Text type="secondary">{when(at)}</Typography.Text>
        {head}
      </Space>
      {children}
    </Space>
  );
}

/**
 * The warning's history in time order: each signal (what happened, with whom, which lists knew the
 * counterparty), each rule that fired with its reason, escalations and transfers.
 */
export function EvidenceTimeline({ items }: { items: readonly TimelineItem[] }) {
  const t = useT();
  const { locale } = useLocale();
  const { byCode } = useUnits();
  const unitName = (code: string | undefined) => (code ? (byCode.get(code)?.name ?? code) : t('common.none'));
  const sorted = [...items].sort((a, b) => a.at.localeCompare(b.at));
  if (sorted.length === 0)
    return <Typography.Text type="secondary">{t('warnings.detail.noEvidence')}</Typography.Text>;

  const toItem = (item: TimelineItem, index: number): TimelineItemProps => {
    const key = `${item.type}-${item.eventId ?? ''}-${index}`;
    if (item.type === 'firing')
      return {
        key,
        color: item.level ? levelColors[item.level] : 'red',
        content: (
          <Entry
            at={item.at}
            head={
              <>
                <Typography.Text strong>{t('warnings.detail.ruleFired')}</Typography.Text>
                {item.level && <LevelTag level={item.level} />}
                <Typography.Text>{item.ruleName ?? item.ruleId}</Typography.Text>
                {item.ruleVersion !== undefined && (
                  <Typography.Text type="secondary">v{item.ruleVersion}</Typography.Text>
                )}
              </>
            }
          >
            {item.reason && <Typography.Text>{item.reason}</Typography.Text>}
          </Entry>
        ),
      };
    if (item.type === 'escalation' || item.type === 'transfer')
      return {
        key,
        color: item.type === 'escalation' ? 'magenta' : 'blue',
        content: (
          <Entry
            at={item.at}
            head={
              <Typography.Text strong>
                {t(`warnings.detail.${item.type}`, {
                  from: unitName(item.fromUnitCode),
                  to: unitName(item.toUnitCode),
                })}
              </Typography.Text>
            }
          >
            {(item.reason ?? item.cause) && (
              <Typography.Text type="secondary">
                {item.reason ?? labelOf(t, 'warnings.escalationCause.', item.cause ?? '')}
                {item.actor ? ` · ${item.actor}` : ''}
              </Typography.Text>
            )}
          </Entry>
        ),
      };
    return {
      key,
      color: item.listed ? 'orange' : 'gray',
      content: (
        <Entry
          at={item.at}
          head={
            <>
              <Tag style={{ marginInlineEnd: 0 }}>
                {item.kind ? labelOf(t, 'warnings.eventKind.', item.kind) : t('common.none')}
              </Tag>
              {item.counterparty && <span style={mono}>{item.counterparty}</span>}
              {signalFigures(t, locale, item)}
            </>
          }
        >
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
        </Entry>
      ),
    };
  };

  return <Timeline items={sorted.map(toItem)} />;
}

/** A transfer's amount, a call's duration. */
function signalFigures(t: Translate, locale: string, item: TimelineItem): ReactNode {
  const parts = [
    item.amount != null ? t('warnings.yuan', { amount: formatYuan(item.amount, locale) }) : null,
    item.durationSeconds != null ? t('warnings.detail.seconds', { seconds: item.durationSeconds }) : null,
  ].filter(Boolean);
  return parts.length > 0 ? <Typography.Text>{parts.join(' · ')}</Typography.Text> : null;
}
