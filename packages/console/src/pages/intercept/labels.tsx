import { Tag, Typography } from 'antd';
import type { EntryAction, EntrySource, ListKind, VerdictAction } from '../../api';
import { isMessageKey, useT, type Translate } from '../../i18n';

// How the intercept pages name and colour actions, kinds, sources and the engine's reason codes.

export const actionColors: Record<VerdictAction, string> = {
  block: 'red',
  mark: 'orange',
  allow: 'green',
  pass: 'default',
  invalid: 'purple',
};

export function ActionTag({ action }: { action: EntryAction | VerdictAction }) {
  const t = useT();
  return <Tag color={actionColors[action]}>{t(`verdict.action.${action}`)}</Tag>;
}

export function KindTag({ kind }: { kind: ListKind }) {
  const t = useT();
  return (
    <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`intel.kind.${kind}`)}
    </Tag>
  );
}

/** A code the console may have a label for (`prefix` + code); otherwise the code itself. */
export function labelOf(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** The engine's reason a value is not valid (too_short, bad_prefix…) in words, with the code beside. */
export function invalidReasonText(t: Translate, reason: string): string {
  const label = labelOf(t, 'intel.invalid.', reason);
  return label === reason ? reason : `${label}（${reason}）`;
}

/** The kind of rule that matched (number:exact, number:prefix:+86170, domain:…, account:qq) in words. */
export function ruleText(t: Translate, rule: string): string {
  const [head = rule, second] = rule.split(':');
  return labelOf(t, 'screen.rule.', head === 'number' && second ? `${head}:${second}` : head);
}

/** Where an entry came from: 案件 A3201, 举报 …, with the id in monospace for copying. */
export function SourceLabel({ source }: { source: EntrySource }) {
  const t = useT();
  return (
    <span>
      {labelOf(t, 'intel.source.', source.kind)}{' '}
      <Typography.Text code style={{ fontSize: 12 }}>
        {source.id}
      </Typography.Text>
    </span>
  );
}

export const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' } as const;
