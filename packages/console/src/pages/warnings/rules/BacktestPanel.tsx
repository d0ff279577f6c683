import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, Table, type TableColumnsType } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  warningRulesApi,
  type BacktestResult,
  type BacktestRuleResult,
  type WarningRule,
} from '../../../api';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useT } from '../../../i18n';
import { ruleBody } from './ruleText';

interface BacktestForm {
  period: [Dayjs, Dayjs];
  victims?: string;
}

/** Victims' numbers pasted one per line (or separated by commas), without blanks and repeats. */
export function parseVictims(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(/[\s,，;；]+/)
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ];
}

/** 回测: runs the chosen rules over past events; per rule, the warnings it would have raised and the victims caught. */
export function BacktestPanel({ rules }: { rules: readonly WarningRule[] }) {
  const t = useT();
  const [form] = Form.useForm<BacktestForm>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<BacktestResult | null>(null);
  const names = new Map(rules.map((rule) => [rule.id, rule.name]));

  const run = async ({ period, victims }: BacktestForm) => {
    setRunning(true);
    setError(null);
    try {
      const list = parseVictims(victims);
      setResult(
        await warningRulesApi.backtest({
          rules: rules.map(ruleBody),
          from: period[0].startOf('day').toISOString(),
          to: period[1].add(1, 'day').startOf('day').toISOString(),
          ...(list.length > 0 ? { victims: list } : {}),
        }),
      );
    } catch (reason) {
      setError(reason);
    } finally {
      setRunning(false);
    }
  };

  const columns: TableColumnsType<BacktestRuleResult> = [
    {
      key: 'rule',
      title: t('warnings.figures.rule'),
      render: (_, row) => row.ruleName ?? names.get(row.ruleId) ?? row.ruleId,
    },
    { key: 'firings', title: t('warnings.rules.firings'), render: (_, row) => row.firings ?? '—' },
    { key: 'warnings', title: t('warnings.rules.wouldRaise'), dataIndex: 'warnings' },
    {
      key: 'victims',
      title: t('warnings.rules.victimsCaught'),
      render: (_, row) => row.victimsCaught ?? '—',
    },
  ];

  return (
    <Card title={t('warnings.rules.backtest')} style={{ marginTop: 16 }}>
      <Form<BacktestForm>
        form={form}
        layout="inline"
        onFinish={run}
        initialValues={{ period: [dayjs().subtract(6, 'day'), dayjs()] }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="period" label={t('warnings.figures.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="victims" label={t('warnings.rules.victims')}>
          <Input.TextArea rows={1} placeholder={t('warnings.rules.victimsHelp')} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<ExperimentOutlined />}
            loading={running}
            disabled={rules.length === 0}
          >
            {t('warnings.rules.runBacktest', { count: rules.length })}
          </Button>
        </Form.Item>
      </Form>
      {error !== null && (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={error} />
        </div>
      )}
      {result && (
        <section aria-label={t('warnings.rules.backtestResult')} style={{ marginTop: 12 }}>
          <Descriptions size="small" column={4}>
            {result.events !== undefined && (
              <Descriptions.Item label={t('warnings.rules.events')}>{result.events}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('warnings.rules.wouldRaise')}>{result.warnings}</Descriptions.Item>
            {result.victims != null && (
              <Descriptions.Item label={t('warnings.rules.victimsCaught')}>
                {result.victimsCaught ?? 0} / {result.victims}
              </Descriptions.Item>
            )}
            {result.falseAlarmPersons != null && (
              <Descriptions.Item label={t('warnings.rules.falseAlarmPersons')}>
                {result.falseAlarmPersons}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table<BacktestRuleResult>
            rowKey="ruleId"
            size="small"
            columns={columns}
            dataSource={result.perRule}
            pagination={false}
          />
        </section>
      )}
    </Card>
  );
}
