import { fraudTypes, warningLevels, warningStatuses, type WarningQuery } from '../../../api';
import { oneOf, positiveInt, text } from '../../../hooks/useUrlQuery';

/** The queue's filters and page in the address; no status means the open warnings, `all` every one. */
export type WarningsUrlQuery = Required<Pick<WarningQuery, 'page' | 'pageSize'>> & {
  status: WarningQuery['status'] | 'all';
  level: WarningQuery['level'];
  fraudType: string | undefined;
  unit: string | undefined;
};

export function parseWarningsQuery(params: URLSearchParams): WarningsUrlQuery {
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20, 200),
    status: params.get('status') === 'all' ? 'all' : (oneOf(params.get('status'), warningStatuses) ?? 'open'),
    level: oneOf(params.get('level'), warningLevels),
    fraudType: oneOf(params.get('fraudType'), fraudTypes),
    unit: text(params.get('unit')),
  };
}

export function toApiQuery(query: WarningsUrlQuery): WarningQuery {
  return {
    page: query.page,
    pageSize: query.pageSize,
    ...(query.status !== 'all' && query.status ? { status: query.status } : {}),
    ...(query.level ? { level: query.level } : {}),
    ...(query.fraudType ? { fraudType: query.fraudType } : {}),
    ...(query.unit ? { unit: query.unit } : {}),
  };
}
