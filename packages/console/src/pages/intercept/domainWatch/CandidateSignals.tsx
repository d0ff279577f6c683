import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import type { DomainContribution } from '../../../api';
import { useT } from '../../../i18n';
import { scoreLevel, topContributions } from './contributions';

const scoreColors = { high: '#dc2626', medium: '#ea580c', low: '#ca8a04' } as const;

/** The detector's score (0..1) as a coloured bar with its percentage. */
export function ScoreBar({ score }: { score: number }) {
  const t = useT();
  const percent = Math.round(score * 100);
  return (
    <Progress
      percent={percent}
      size={{ width: 96 }}
      status="normal"
      strokeColor={scoreColors[scoreLevel(score)]}
      format={(value) => `${value}%`}
      aria-label={`${t('domainWatch.col.score')} ${percent}%`}
      style={{ margin: 0, minWidth: 140 }}
    />
  );
}

/** The signals that raised the score, in words; the raw code and weight in a tooltip. */
export function ContributionTags({ contributions }: { contributions: readonly DomainContribution[] }) {
  const t = useT();
  const labels = topContributions(t, contributions);
  if (labels.length === 0)
    return <Typography.Text type="secondary">{t('domainWatch.noSignals')}</Typography.Text>;
  return (
    <Flex wrap gap={4} style={{ maxWidth: 360 }}>
      {labels.map((label) => (
        <Tooltip
          key={label.key}
          title={t('domainWatch.contributionTip', {
            feature: label.code,
            value: `+${label.value.toFixed(2)}`,
          })}
        >
          <Tag color={label.brand ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
            {label.text}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
