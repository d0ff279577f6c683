import { useEffect, useState } from 'react';
import { Button, Flex, Input } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
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
  const [q, setQ] = useState(query.q ?? '');
  useEffect(() => setQ(query.q ?? ''), [query.q]);

  return (
    <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          onSearch={(value) => onChange({ q: value.trim() || undefined, page: 1 })}
          style={{ width: 220 }}
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
      </Flex>
      <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
        {t('users.create')}
      </Button>
    </Flex>
  );
}
