import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { canOpen, useMe } from '../auth';
import { useT, type MessageKey } from '../i18n';
import {
  capabilities,
  interceptPages,
  systemPages,
  warningPages,
  type CapabilityKey,
} from '../layout/navigation';
import { WarningFiguresSummary } from './warnings/figures/WarningFiguresSummary';

const shortcutText: Partial<Record<string, MessageKey>> = {
  units: 'home.units.desc',
  users: 'home.users.desc',
  audit: 'home.audit.desc',
  apiKeys: 'home.apiKeys.desc',
  'intel.screen': 'home.intel.screen.desc',
  'intel.entries': 'home.intel.entries.desc',
  'warnings.queue': 'warnings.subtitle',
};

/** The intercept pages people open most, offered as shortcuts to the roles that may open them. */
const interceptShortcuts = interceptPages.filter(
  (page) => page.key === 'intel.screen' || page.key === 'intel.entries',
);

/** The live warning queue, first for the officers who work it. */
const warningShortcuts = warningPages.filter((page) => page.key === 'warnings.queue');

const availableText: Partial<Record<CapabilityKey, MessageKey>> = {
  intercept: 'home.intercept.desc',
  warnings: 'home.warnings.desc',
  cases: 'home.cases.desc',
  clues: 'home.clues.desc',
  cards: 'home.cards.desc',
};

/** 工作台: who you are, today's warning figures (for those who read warnings), where you can go. */
export function HomePage() {
  const t = useT();
  const me = useMe();
  const shortcuts = [...warningShortcuts, ...interceptShortcuts, ...systemPages].filter((page) =>
    canOpen(page.key, me.roles),
  );
  const shown = capabilities.filter((page) => canOpen(page.key, me.roles));
  const roleNames = me.roles.map((role) => t(`role.${role}`)).join('、');

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.greeting', { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('home.unitLine', { unit: me.unit.name, code: me.unit.code, roles: roleNames })}
        </Typography.Text>
      </Card>

      {canOpen('warnings.figures', me.roles) && <WarningFiguresSummary />}

      <Card title={t('home.shortcuts')}>
        <Row gutter={[12, 12]}>
          {shortcuts.map((page) => (
            <Col key={page.key} xs={24} sm={12} lg={8}>
              <Link to={page.path}>
                <Card hoverable size="small">
                  <Card.Meta
                    avatar={<span style={{ fontSize: 22, color: '#1d4ed8' }}>{page.icon}</span>}
                    title={t(page.label)}
                    description={t(shortcutText[page.key] ?? page.label)}
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>

      <Card
        title={t('home.capabilities')}
        extra={<Typography.Text type="secondary">{t('home.capabilitiesHint')}</Typography.Text>}
      >
        <Row gutter={[12, 12]}>
          {shown.map((page) => (
            <Col key={page.key} xs={24} sm={12} lg={8}>
              <Link to={page.path}>
                <Card hoverable size="small">
                  <Card.Meta
                    avatar={
                      <span style={{ fontSize: 22, color: page.coming ? '#94a3b8' : '#1d4ed8' }}>
                        {page.icon}
                      </span>
                    }
                    title={
                      <Flex justify="space-between" align="center">
                        {t(page.label)}
                        {page.coming ? (
                          <Tag color="gold">{t('coming.tag')}</Tag>
                        ) : (
                          <Tag color="green">{t('home.available')}</Tag>
                        )}
                      </Flex>
                    }
                    description={
                      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                        {t((!page.coming && availableText[page.key]) || `coming.${page.key}`)}
                      </Typography.Paragraph>
                    }
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </Flex>
  );
}
