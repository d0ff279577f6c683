import { FilterBar, SearchFilter } from '../../components/FilterBar';
import { useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';
import { RoleSelect } from './RoleSelect';
import type { UsersUrlQuery } from './usersQuery';

interface UserFiltersProps {
  query: UsersUrlQuery;
  onChange: (patch: Partial<UsersUrlQuery>) => void;
  onCreate: () => void;
}

/** Search, unit and role filters above the users table; every change starts again at page 1. */
export function UserFilters({ query, onChange, onCreate }: UserFiltersProps) {
  const t = useT();
  return (
    <FilterBar action={{ label: t('users.create'), onClick: onCreate }}>
      <SearchFilter
        label={t('users.search')}
        value={query.q}
        width={220}
        onSearch={(q) => onChange({ q, page: 1 })}
      />
      <UnitTreeSelect
        allowClear
        aria-label={t('users.filterUnit')}
        placeholder={t('users.filterUnit')}
        value={query.unitCode}
        onChange={(unitCode) => onChange({ unitCode, page: 1 })}
        style={{ width: 220 }}
      />
      <RoleSelect
        aria-label={t('users.filterRole')}
        placeholder={t('users.filterRole')}
        value={query.role}
        onChange={(role) => onChange({ role, page: 1 })}
        style={{ width: 140 }}
      />
    </FilterBar>
  );
}
