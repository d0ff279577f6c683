import { Space, Typography } from 'antd';
import type { Unit } from '../api';
import { UnitLevelTag } from '../components/tags';

/** One tree row: the name (with the search hit marked), its level and its code. */
export function UnitTitle({ unit, query }: { unit: Unit; query: string }) {
  const q = query.trim();
  const at = q ? unit.name.indexOf(q) : -1;
  const name =
    at < 0 ? (
      unit.name
    ) : (
      <>
        {unit.name.slice(0, at)}
        <mark style={{ padding: 0, background: '#fde68a' }}>{unit.name.slice(at, at + q.length)}</mark>
        {unit.name.slice(at + q.length)}
      </>
    );
  return (
    <Space size={6}>
      <span>{name}</span>
      <UnitLevelTag level={unit.level} />
      <Typography.Text type="secondary" style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>
        {unit.code}
      </Typography.Text>
    </Space>
  );
}
