import { Tag } from 'antd';
import type { Role, UnitLevel } from '../api';
import { useT } from '../i18n';

const levelColors: Record<UnitLevel, string> = {
  province: 'red',
  city: 'blue',
  county: 'green',
  station: 'default',
};

const roleColors: Record<Role, string> = {
  admin: 'volcano',
  analyst: 'geekblue',
  officer: 'cyan',
  auditor: 'purple',
};

export function UnitLevelTag({ level }: { level: UnitLevel }) {
  const t = useT();
  return (
    <Tag color={levelColors[level]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`level.${level}`)}
    </Tag>
  );
}

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const t = useT();
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color={roleColors[role]}>
          {t(`role.${role}`)}
        </Tag>
      ))}
    </>
  );
}
