import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Statistic, Tag } from 'antd';
import { warningLevels, type WarningFigures } from '../../../api';
import { useLocale, useT } from '../../../i18n';
import { formatYuan } from '../labels';
import { levelColors } from '../levelColors';

type Size = 'large' | 'small';

/** One headline figure in its card; its name is also the region's, so it can be found by what it is. */
function FigureCard(props: {
  title: string;
  value: string | number;
  size: Size;
  color?: string;
  suffix?: string;
  footer?: ReactNode;
}) {
  const { title, value, size, color, suffix, footer } = props;
  return (
    <Col xs={24} sm={12} xl={6}>
      <Card size={size === 'large' ? 'medium' : 'small'} style={{ height: '100%' }}>
        <section aria-label={title}>
          <Statistic
            title={title}
            value={value}
            {...(suffix !== undefined ? { suffix } : {})}
            styles={{ content: { fontSize: size === 'large' ? 32 : 24, ...(color ? { color } : {}) } }}
          />
          {footer}
        </section>
      </Card>
    </Col>
  );
}

/** The headline figures: issued by level, handled in time, dissuaded, loss avoided. */
export function FigureCards({ figures, size = 'large' }: { figures: WarningFigures; size?: Size }) {
  const t = useT();
  const { locale } = useLocale();
  const issued = figures.issued.total ?? figures.issued.red + figures.issued.orange + figures.issued.yellow;
  const inTimeShare = issued > 0 ? Math.round((figures.handledInTime / issued) * 1000) / 10 : null;
  return (
    <Row gutter={[16, 16]}>
      <FigureCard
        title={t('warnings.figures.issued')}
        value={issued}
        size={size}
        footer={
          <Flex gap={4} wrap style={{ marginTop: 8 }}>
            {warningLevels.map((level) => (
              <Tag key={level} color={levelColors[level]}>
                {t(`warnings.level.${level}`)} {figures.issued[level]}
              </Tag>
            ))}
          </Flex>
        }
      />
      <FigureCard
        title={t('warnings.figures.handledInTime')}
        value={figures.handledInTime}
        size={size}
        footer={
          inTimeShare !== null && (
            <span style={{ color: '#64748b' }}>{t('warnings.figures.share', { share: inTimeShare })}</span>
          )
        }
      />
      <FigureCard
        title={t('warnings.figures.dissuaded')}
        value={figures.dissuaded}
        size={size}
        color="#15803d"
      />
      <FigureCard
        title={t('warnings.figures.lossAvoided')}
        value={formatYuan(figures.lossAvoided, locale)}
        suffix={t('warnings.yuanUnit')}
        size={size}
        color="#1d4ed8"
      />
    </Row>
  );
}
