import { Select } from 'antd';
import type { IntelList } from '../../api';
import { useT } from '../../i18n';

interface ListSelectProps {
  lists: readonly IntelList[] | undefined;
  value?: string | undefined;
  onChange?: (name: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
}

/** Picks a list by its name, showing its title and kind. Works as a Form control. */
export function ListSelect({ lists, value, onChange, ...rest }: ListSelectProps) {
  const t = useT();
  return (
    <Select<string>
      {...rest}
      showSearch={{ optionFilterProp: 'search' }}
      loading={lists === undefined}
      value={value}
      onChange={(name) => onChange?.(name ?? undefined)}
      options={(lists ?? []).map((list) => ({
        value: list.name,
        search: `${list.title} ${list.name}`,
        label: `${list.title}（${list.name} · ${t(`intel.kind.${list.kind}`)}）`,
      }))}
    />
  );
}
