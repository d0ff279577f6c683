import { Select } from 'antd';
import { roles, type Role } from '../../api';
import { useT } from '../../i18n';

type RoleSelectProps = {
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
} & (
  | { multiple: true; value?: Role[]; onChange?: (value: Role[]) => void }
  | { multiple?: false; value?: Role | undefined; onChange?: (value: Role | undefined) => void }
);

/** Picks one role (filters) or several (user forms). Works as a Form control. */
export function RoleSelect(props: RoleSelectProps) {
  const t = useT();
  const options = roles.map((role) => ({ value: role, label: t(`role.${role}`) }));
  const { id, placeholder, style } = props;
  const common = { id, placeholder, style, options, 'aria-label': props['aria-label'] };
  return props.multiple ? (
    <Select<Role[]> {...common} mode="multiple" value={props.value} onChange={props.onChange} />
  ) : (
    <Select<Role>
      {...common}
      allowClear
      value={props.value}
      onChange={(value) => props.onChange?.(value ?? undefined)}
    />
  );
}
