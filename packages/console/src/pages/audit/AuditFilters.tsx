import { useEffect, useState } from 'react';
import { AutoComplete, DatePicker, Flex } from 'antd';
import dayjs from 'dayjs';
import { SearchFilter } from '../../components/FilterBar';
import { isMessageKey, useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';
import { knownActions, type AuditUrlQuery } from './auditQuery';

interface AuditFiltersProps {
  query: AuditUrlQuery;
  onChange: (patch: Partial<AuditUrlQuery>) => void;
}

/** Action, actor, unit and time filters above the audit table; every change starts at page 1. */
export function AuditFilters({ query, onChange }: AuditFiltersProps) {
  const t = useT();
  const [action, setAction] = useState(query.action ?? '');
  useEffect(() => setAction(query.action ?? ''), [query.action]);

  const actionOptions = knownActions.map((value) => {
    const key = `audit.action.${value}`;
    return { value, label: `${isMessageKey(key) ? t(key) : value}（${value}）` };
  });
  const range = query.from && query.to ? ([dayjs(query.from), dayjs(query.to)] as const) : null;

  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <AutoComplete
        allowClear
        aria-label={t('audit.filterAction')}
        placeholder={t('audit.filterAction')}
        options={actionOptions}
        value={action}
        onChange={(value: string | undefined) => {
          setAction(value ?? '');
          if (!value) onChange({ action: undefined, page: 1 });
        }}
        onSelect={(value: string | undefined) => onChange({ action: value, page: 1 })}
        onBlur={() => onChange({ action: action.trim() || undefined, page: 1 })}
        style={{ width: 220 }}
      />
      <SearchFilter
        label={t('audit.filterActor')}
        value={query.actor}
        width={200}
        onSearch={(actor) => onChange({ actor, page: 1 })}
      />
      <UnitTreeSelect
        allowClear
        aria-label={t('audit.filterUnit')}
        placeholder={t('audit.filterUnit')}
        value={query.unitCode}
        onChange={(unitCode) => onChange({ unitCode, page: 1 })}
        style={{ width: 220 }}
      />
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        aria-label={t('audit.filterTime')}
        value={range ? [range[0], range[1]] : null}
        onChange={(dates) =>
          onChange({
            from: dates?.[0]?.toISOString(),
            to: dates?.[1]?.toISOString(),
            page: 1,
          })
        }
      />
    </Flex>
  );
}
