import { useState } from 'react';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiProblem, warningRulesApi, type BacktestRuleResult, type WarningRule } from '../../../api';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useT } from '../../../i18n';
import { ruleBody } from './ruleText';

/** The rule as the analyst edits it: its body without the id and version the platform assigns. */
function editableText(rule: WarningRule): string {
  const { id: _id, version: _version, ...body } = ruleBody(rule);
  return JSON.stringify(body, null, 2);
}

type Parsed = { body: Omit<WarningRule, 'id' | 'version'> } | { error: string };

function parse(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'object' };
    return { body: value as Omit<WarningRule, 'id' | 'version'> };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * 新版本 (the provincial center's analysts): the rule as JSON, tried on the last 7 days' events first
 * if wanted, then saved as the next version — live at once. The engine names every bad field.
 */
export function RuleEditModal({
  rule,
  onClose,
  onSaved,
}: {
  rule: WarningRule;
  onClose: () => void;
  onSaved: (version: number) => void;
}) {
  const t = useT();
  const [text, setText] = useState(() => editableText(rule));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'backtest' | 'save' | null>(null);
  const [tried, setTried] = useState<BacktestRuleResult | null>(null);
  const parsed = parse(text);

  const run = async (what: 'backtest' | 'save') => {
    if (!('body' in parsed)) return;
    setBusy(what);
    setError(null);
    try {
      if (what === 'save') {
        onSaved((await warningRulesApi.put(rule.id, parsed.body)).version);
        return;
      }
      const today = dayjs();
      const result = await warningRulesApi.backtest({
        rules: [{ ...parsed.body, id: rule.id, version: rule.version + 1 }],
        from: today.subtract(6, 'day').startOf('day').toISOString(),
        to: today.add(1, 'day').startOf('day').toISOString(),
      });
      setTried(result.perRule[0] ?? null);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('warnings.rules.editTitle', { name: rule.name, version: rule.version + 1 })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            disabled={!('body' in parsed)}
            loading={busy === 'backtest'}
            onClick={() => void run('backtest')}
          >
            {t('warnings.rules.tryIt')}
          </Button>
          <Button
            type="primary"
            disabled={!('body' in parsed)}
            loading={busy === 'save'}
            onClick={() => void run('save')}
          >
            {t('warnings.rules.saveVersion')}
          </Button>
        </Space>
      }
    >
      <Alert type="warning" showIcon title={t('warnings.rules.editNotice')} style={{ marginBottom: 12 }} />
      {error !== null && <ProblemAlert error={error} />}
      {error instanceof ApiProblem && error.errors.length > 0 && (
        <ul aria-label={t('warnings.rules.badFields')} style={{ marginTop: 0 }}>
          {error.errors.map((item) => (
            <li key={`${item.field}:${item.message}`}>
              <Typography.Text code>{item.field}</Typography.Text> {item.message}
            </li>
          ))}
        </ul>
      )}
      <Input.TextArea
        aria-label={t('warnings.rules.json')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setTried(null);
        }}
        autoSize={{ minRows: 12, maxRows: 24 }}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}
      />
      {'error' in parsed && (
        <Typography.Text type="danger">
          {t('warnings.rules.notJson', { error: parsed.error })}
        </Typography.Text>
      )}
      {tried && (
        <Alert
          type="info"
          showIcon
          role="status"
          title={t('warnings.rules.tried', { warnings: tried.warnings, firings: tried.firings ?? 0 })}
          style={{ marginTop: 12 }}
        />
      )}
    </Modal>
  );
}
