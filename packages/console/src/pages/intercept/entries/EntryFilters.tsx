import { Select } from 'antd';
import { entryActions, sourceKinds, type IntelList } from '../../../api';
import { FilterBar, SearchFilter } from '../../../components/FilterBar';
import { useT } from '../../../i18n';
import { ListSelect } from '../ListSelect';
import type { EntriesUrlQuery } from './entriesQuery';

interface EntryFiltersProps {
  query: EntriesUrlQuery;
  lists: readonly IntelList[] | undefined;
  onChange: (patch: Partial<EntriesUrlQuery>) => void;
  /** Absent for roles that cannot add entries. */
  onAdd?: (() => void) | undefined;
}

/** Value, list, action and source filters above the entries table; every change starts at page 1. */
export function EntryFilters({ query, lists, onChange, onAdd }: EntryFiltersProps) {
  const t = useT();
  return (
    <FilterBar action={onAdd && { label: t('intel.entries.add'), onClick: onAdd }}>
      <SearchFilter
        label={t('intel.entries.search')}
        value={query.q}
        width={240}
        onSearch={(q) => onChange({ q, page: 1 })}
      />
      <ListSelect
        allowClear
        lists={lists}
        aria-label={t('intel.entries.filterList')}
        placeholder={t('intel.entries.filterList')}
        value={query.list}
        onChange={(list) => onChange({ list, page: 1 })}
        style={{ width: 240 }}
      />
      <Select
        allowClear
        aria-label={t('intel.entries.filterAction')}
        placeholder={t('intel.entries.filterAction')}
        value={query.action}
        onChange={(action) => onChange({ action: action ?? undefined, page: 1 })}
        options={entryActions.map((action) => ({ value: action, label: t(`verdict.action.${action}`) }))}
        style={{ width: 120 }}
      />
      <Select
        allowClear
        aria-label={t('intel.entries.filterSource')}
        placeholder={t('intel.entries.filterSource')}
        value={query.sourceKind}
        onChange={(sourceKind) => onChange({ sourceKind: sourceKind ?? undefined, page: 1 })}
        options={sourceKinds.map((kind) => ({ value: kind, label: t(`intel.source.${kind}`) }))}
        style={{ width: 120 }}
      />
    </FilterBar>
  );
}
