import { Segmented, Select } from 'antd';
import { fraudTypes, warningLevels, warningStatuses } from '../../../api';
import { FilterBar } from '../../../components/FilterBar';
import { useT } from '../../../i18n';
import { UnitTreeSelect } from '../../../units/UnitTreeSelect';
import type { WarningsUrlQuery } from './warningsQuery';

interface WarningFiltersProps {
  query: WarningsUrlQuery;
  onChange: (patch: Partial<WarningsUrlQuery>) => void;
}

/** Status, level, fraud type and unit above the queue; every change starts at page 1. */
export function WarningFilters({ query, onChange }: WarningFiltersProps) {
  const t = useT();
  const statuses = [...warningStatuses, 'all'] as const;
  return (
    <FilterBar>
      <Segmented<WarningsUrlQuery['status']>
        aria-label={t('warnings.col.status')}
        value={query.status}
        onChange={(status) => onChange({ status, page: 1 })}
        options={statuses.map((status) => ({ value: status, label: t(`warnings.status.${status}`) }))}
      />
      <Select
        allowClear
        aria-label={t('warnings.filterLevel')}
        placeholder={t('warnings.filterLevel')}
        value={query.level}
        onChange={(level) => onChange({ level: level ?? undefined, page: 1 })}
        options={warningLevels.map((level) => ({ value: level, label: t(`warnings.level.${level}`) }))}
        style={{ width: 120 }}
      />
      <Select
        allowClear
        aria-label={t('warnings.filterFraudType')}
        placeholder={t('warnings.filterFraudType')}
        value={query.fraudType}
        onChange={(fraudType) => onChange({ fraudType: fraudType ?? undefined, page: 1 })}
        options={fraudTypes.map((type) => ({ value: type, label: t(`fraudType.${type}`) }))}
        popupMatchSelectWidth={false}
        style={{ width: 180 }}
      />
      <UnitTreeSelect
        allowClear
        aria-label={t('warnings.filterUnit')}
        placeholder={t('warnings.filterUnit')}
        value={query.unit}
        onChange={(unit) => onChange({ unit, page: 1 })}
        style={{ width: 220 }}
      />
    </FilterBar>
  );
}
