import { Tag, Typography } from 'antd';
import type { EntryAction, EntrySource, ListKind, VerdictAction } from '../../api';
import { useT } from '../../i18n';
import { labelOf } from './labelText';

export { invalidReasonText, labelOf, ruleText } from './labelText';

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
