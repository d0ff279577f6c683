import { Card, Descriptions, Empty, Flex, Progress, Tag, Typography } from 'antd';
import type { IntelList, ScreenItem, Verdict } from '../../../api';
import { useT } from '../../../i18n';
import { actionColors, invalidReasonText, mono } from '../labels';
import { ReasonsTable } from './ReasonsTable';

const riskColor = (risk: number) =>
  risk >= 80 ? '#dc2626' : risk >= 50 ? '#ea580c' : risk > 0 ? '#ca8a04' : '#16a34a';

interface VerdictCardProps {
  item: ScreenItem;
  verdict: Verdict;
  listsByName: ReadonlyMap<string, IntelList>;
}

/** The answer a partner would get, explained: the action, the risk, the value as matched, and why. */
export function VerdictCard({ item, verdict, listsByName }: VerdictCardProps) {
  const t = useT();
  return (
    <Card title={t('screen.verdict')} role="region" aria-label={t('screen.verdict')}>
      <Flex gap={32} wrap align="center" style={{ marginBottom: 16 }}>
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('screen.action')}</Typography.Text>
          <div role="status" aria-label={t('screen.action')}>
            <Tag
              color={actionColors[verdict.action]}
              style={{ fontSize: 22, lineHeight: '36px', padding: '0 18px', marginInlineEnd: 0 }}
            >
              {t(`verdict.action.${verdict.action}`)}
            </Tag>
          </div>
        </Flex>
        <Progress
          type="dashboard"
          percent={verdict.risk}
          status="normal"
          size={96}
          strokeColor={riskColor(verdict.risk)}
          format={(percent) => (
            <Flex vertical>
              <span>{percent}</span>
              <span style={{ fontSize: 12, color: '#64748b' }}>{t('screen.risk')}</span>
            </Flex>
          )}
          aria-label={t('screen.risk')}
        />
        <Descriptions size="small" column={1} style={{ flex: 1, minWidth: 260 }}>
          <Descriptions.Item label={t('screen.asked')}>
            <span style={mono}>
              {t(`screen.kind.${item.kind}`)} · {item.value}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('screen.normalized')}>
            <Typography.Text copyable={verdict.normalized !== null} style={mono}>
              {verdict.normalized ?? t('common.none')}
            </Typography.Text>
          </Descriptions.Item>
          {verdict.invalidReason !== null && (
            <Descriptions.Item label={t('screen.invalidReason')}>
              {invalidReasonText(t, verdict.invalidReason)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Flex>
      <Typography.Paragraph type="secondary">{t(`screen.explain.${verdict.action}`)}</Typography.Paragraph>
      {verdict.reasons.length > 0 ? (
        <ReasonsTable reasons={verdict.reasons} listsByName={listsByName} />
      ) : (
        verdict.action !== 'invalid' && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('screen.noReasons')} />
        )
      )}
    </Card>
  );
}
