import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useT } from '../i18n';
import type { UnitNode } from './unitTree';
import { useUnits } from './UnitsProvider';

interface TreeSelectNode {
  value: string;
  title: string;
  /** What the search matches: name and code. */
  search: string;
  children: TreeSelectNode[];
}

function toOptions(nodes: readonly UnitNode[]): TreeSelectNode[] {
  return nodes.map(({ unit, children }) => ({
    value: unit.code,
    title: `${unit.name}（${unit.code}）`,
    search: `${unit.name} ${unit.code}`,
    children: toOptions(children),
  }));
}

interface UnitTreeSelectProps {
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
}

/** Picks one unit of the caller's subtree; searchable by name or code. Works as a Form control. */
export function UnitTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear,
  style,
  ...rest
}: UnitTreeSelectProps) {
  const t = useT();
  const { tree, loading } = useUnits();
  const treeData = useMemo(() => toOptions(tree), [tree]);
  return (
    <TreeSelect<string>
      {...rest}
      value={value}
      onChange={(code) => onChange?.(code ?? undefined)}
      treeData={treeData}
      loading={loading}
      placeholder={placeholder ?? t('users.filterUnit')}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'search' }}
      treeDefaultExpandedKeys={tree.map((root) => root.unit.code)}
      popupMatchSelectWidth={false}
      style={style}
    />
  );
}
