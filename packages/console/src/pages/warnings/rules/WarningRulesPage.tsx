import { useMemo, useState } from 'react';
import { App, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { warningRulesApi, type WarningRule, type WarningRuleWithVersions } from '../../../api';
import { useCan, useMe } from '../../../auth';
import { RowAction } from '../../../components/RowAction';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { useT } from '../../../i18n';
import { FraudTypeText, LevelTag } from '../labels';
import { BacktestPanel } from './BacktestPanel';
import { RuleEditModal } from './RuleEditModal';
import { stepsText, windowText } from './ruleText';

/** 预警规则: the correlation rules in force with their versions; analysts backtest a selection on past events. */
export function WarningRulesPage() {
  const t = useT();
  const { message } = App.useApp();
  const canManage = useCan('rules.manage');
  // Rules are the province's: only the provincial center's analysts change them (the server says so too).
  const me = useMe();
  const canEdit = canManage && me.unit.level === 'province';
  const [editing, setEditing] = useState<WarningRule | null>(null);
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
      render: (_, rule) => windowText(t, rule.windowMinutes),
    },
    {
      key: 'fraudType',
      title: t('warnings.col.fraudType'),
      render: (_, rule) =>
        rule.fraudType ? (
          <FraudTypeText fraudType={rule.fraudType} />
        ) : (
          t('warnings.rules.fraudTypeFromSignals')
        ),
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
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t('domainWatch.col.actions'),
            fixed: 'right' as const,
            render: (_: unknown, rule: WarningRule) => (
              <RowAction
                label={t('warnings.rules.newVersion')}
                subject={rule.name}
                onClick={() => setEditing(rule)}
              />
            ),
          },
        ]
      : []),
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
      render: (_, v) => windowText(t, v.windowMinutes),
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
      {editing && (
        <RuleEditModal
          rule={editing}
          onClose={() => setEditing(null)}
          onSaved={(version) => {
            setEditing(null);
            void message.success(t('warnings.rules.saved', { version }));
            rules.reload();
          }}
        />
      )}
    </>
  );
}
