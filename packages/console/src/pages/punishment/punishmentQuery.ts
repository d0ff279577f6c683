import {
  punishmentMeasures,
  punishmentStatuses,
  type PunishmentMeasure,
  type PunishmentStatus,
} from '../../api';
import { oneOf, positiveInt, text } from '../../hooks/useUrlQuery';

export type PunishmentUrlQuery = {
  page: number;
  pageSize: number;
  status: PunishmentStatus | 'all';
  measure: PunishmentMeasure | undefined;
  unit: string | undefined;
  idNumber: string | undefined;
};

export function parsePunishmentQuery(params: URLSearchParams): PunishmentUrlQuery {
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20, 200),
    status: oneOf(params.get('status'), [...punishmentStatuses, 'all'] as const) ?? 'active',
    measure: oneOf(params.get('measure'), punishmentMeasures),
    unit: text(params.get('unit')),
    idNumber: text(params.get('idNumber')),
  };
}
