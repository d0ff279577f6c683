import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { CallerCandidate } from '../../../api';
import { useT } from '../../../i18n';
import { labelOf } from '../labelText';

/** The behaviour features that raised a number's score, in words (largest first); code and weight in a tooltip. */
export function CallerContributionTags({ contributions }: Pick<CallerCandidate, 'contributions'>) {
  const t = useT();
  const shown = contributions.filter((c) => c.value > 0).slice(0, 4);
  if (shown.length === 0)
    return <Typography.Text type="secondary">{t('callerReview.noSignals')}</Typography.Text>;
  return (
    <Flex wrap gap={4} style={{ maxWidth: 360 }}>
      {shown.map((c) => (
        <Tooltip
          key={c.feature}
          title={t('callerReview.contributionTip', { feature: c.feature, value: `+${c.value.toFixed(2)}` })}
        >
          <Tag color={c.feature === 'victimCallees' ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
            {labelOf(t, 'callerReview.feature.', c.feature)}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

/** The best window in figures: calls, distinct callees, unanswered share. */
export function WindowFigures({ features }: Pick<CallerCandidate, 'features'>) {
  const t = useT();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('callerReview.windowFigures', {
        calls: features.calls ?? 0,
        distinct: features.distinctCallees ?? 0,
        unanswered: Math.round((features.unansweredShare ?? 0) * 100),
      })}
    </Typography.Text>
  );
}
