import { useMemo, useState } from 'react';
import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { warningRulesApi, type WarningRule, type WarningRuleWithVersions } from '../../../api';
import { useCan } from '../../../auth';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { useT } from '../../../i18n';
import { FraudTypeText, LevelTag } from '../labels';
import { BacktestPanel } from './BacktestPanel';
import { stepsText } from './ruleText';

/** 预警规则: the correlation rules in force with their versions; analysts backtest a selection on past events. */
export function WarningRulesPage() {
  const t = useT();
  const canManage = useCan('rules.manage');
  const rules = useRemote((signal) => warningRulesApi.list(signal).then((body) => body.items), []);
  const [selected, setSelected] = useState<string[] | null>(null);
  const items = rules.data ?? [];
  const chosen = useMemo(
    () =>
      items.filter((rule) => (selected ?? items.filter((r) => r.enabled).map((r) => r.id)).includes(rule.id)),
    [items, selected],
  );

  const columns: TableColumnsType<WarningRule> = [
    { key: 'level', title: t('warnings.col.level'), render: (_, rule) => <LevelTag level={rule.level} /> },
    {
      key: 'name',
      title: t('warnings.rules.name'),
      render: (_, rule) => (
        <>
          <Typography.Text strong>{rule.name}</Typography.Text>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {rule.id} · v{rule.version}
          </Typography.Text>
          {rule.description && (
            <div style={{ maxWidth: 440, whiteSpace: 'normal' }}>
              <Typography.Text type="secondary">{rule.description}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'steps',
      title: t('warnings.rules.steps'),
      render: (_, rule) => <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>{stepsText(t, rule)}</div>,
    },
    {
      key: 'window',
      title: t('warnings.rules.window'),
      render: (_, rule) => t('warnings.rules.minutes', { minutes: rule.windowMinutes }),
    },
    {
      key: 'fraudType',
      title: t('warnings.col.fraudType'),
      render: (_, rule) => <FraudTypeText fraudType={rule.fraudType} />,
    },
    {
      key: 'enabled',
      title: t('warnings.rules.enabled'),
      render: (_, rule) =>
        rule.enabled ? (
          <Tag color="green">{t('warnings.rules.on')}</Tag>
        ) : (
          <Tag>{t('warnings.rules.off')}</Tag>
        ),
    },
  ];

  const versionColumns: TableColumnsType<NonNullable<WarningRuleWithVersions['versions']>[number]> = [
    { key: 'version', title: t('warnings.rules.version'), render: (_, v) => `v${v.version}` },
    {
      key: 'createdAt',
      title: t('warnings.col.createdAt'),
      render: (_, v) => (v.createdAt ? dayjs(v.createdAt).format('YYYY-MM-DD HH:mm') : '—'),
    },
    { key: 'createdBy', title: t('warnings.attempt.actor'), render: (_, v) => v.createdBy ?? '—' },
    { key: 'level', title: t('warnings.col.level'), render: (_, v) => <LevelTag level={v.level} /> },
    { key: 'steps', title: t('warnings.rules.steps'), render: (_, v) => stepsText(t, v) },
    {
      key: 'window',
      title: t('warnings.rules.window'),
      render: (_, v) => t('warnings.rules.minutes', { minutes: v.windowMinutes }),
    },
  ];

  return (
    <>
      <PageHeader title={t('warnings.rules.title')} subtitle={t('warnings.rules.subtitle')} />
      {rules.error !== null && <ProblemAlert error={rules.error} onRetry={rules.reload} />}
      <Card>
        <Table<WarningRuleWithVersions>
          rowKey="id"
          size="middle"
          loading={rules.loading && !rules.data}
          columns={columns}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          {...(canManage
            ? {
                rowSelection: {
                  selectedRowKeys: chosen.map((rule) => rule.id),
                  onChange: (keys) => setSelected(keys.map(String)),
                },
              }
            : {})}
          expandable={{
            rowExpandable: (rule) => (rule.versions?.length ?? 0) > 1,
            expandedRowRender: (rule) => (
              <Table
                rowKey="version"
                size="small"
                columns={versionColumns}
                dataSource={rule.versions ?? []}
                pagination={false}
              />
            ),
          }}
        />
      </Card>
      {canManage && <BacktestPanel rules={chosen} />}
    </>
  );
}
