import { useDeferredValue, useMemo, useState } from 'react';
import { Card, Empty, Flex, Input, Skeleton, Space, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { unitLevels } from '../api';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { useT } from '../i18n';
import { branchCodes, codesToDepth, filterUnitTree, unitMatches, type UnitNode } from '../units/unitTree';
import { UnitTitle } from '../units/UnitTitle';
import { useUnits } from '../units/UnitsProvider';

function toTreeData(nodes: readonly UnitNode[], query: string): TreeDataNode[] {
  return nodes.map(({ unit, children }) => ({
    key: unit.code,
    title: <UnitTitle unit={unit} query={query} />,
    children: toTreeData(children, query),
  }));
}

/** 单位: the caller's subtree as a searchable tree. */
export function UnitsPage() {
  const t = useT();
  const { units, tree, loading, error, reload } = useUnits();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [expanded, setExpanded] = useState<React.Key[] | null>(null);

  const filtered = useMemo(() => filterUnitTree(tree, deferredQuery), [tree, deferredQuery]);
  const treeData = useMemo(() => toTreeData(filtered, deferredQuery), [filtered, deferredQuery]);
  const searching = deferredQuery.trim() !== '';
  // While searching every path to a hit is open; otherwise the user's own choice. A small subtree opens
  // fully; a province opens to its cities.
  const defaultDepth = (units?.length ?? 0) <= 60 ? 2 : 1;
  const expandedKeys = searching ? branchCodes(filtered) : (expanded ?? codesToDepth(tree, defaultDepth));

  const levelCounts = unitLevels
    .map((level) => ({ level, count: (units ?? []).filter((unit) => unit.level === level).length }))
    .filter(({ count }) => count > 0);

  return (
    <>
      <PageHeader title={t('units.title')} subtitle={t('units.subtitle')} />
      {error !== null && <ProblemAlert error={error} onRetry={reload} />}
      <Card>
        <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('units.search')}
            aria-label={t('units.search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            style={{ width: 280 }}
          />
          <Space size={4} wrap>
            <Typography.Text strong>{t('units.count', { count: units?.length ?? 0 })}</Typography.Text>
            {levelCounts.map(({ level, count }) => (
              <Tag key={level}>{t('units.byLevel', { level: t(`level.${level}`), count })}</Tag>
            ))}
            {searching && (
              <Typography.Text type="secondary">
                {t('units.matches', {
                  count: (units ?? []).filter((unit) => unitMatches(unit, deferredQuery)).length,
                })}
              </Typography.Text>
            )}
          </Space>
        </Flex>
        {loading && !units ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : treeData.length === 0 ? (
          <Empty description={t('units.empty')} />
        ) : (
          <Tree
            aria-label={t('units.title')}
            showLine
            blockNode
            selectable={false}
            expandAction="click"
            virtual={false}
            treeData={treeData}
            expandedKeys={expandedKeys}
            onExpand={(keys) => {
              if (!searching) setExpanded(keys);
            }}
          />
        )}
      </Card>
    </>
  );
}
