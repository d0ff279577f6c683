import { caseStatuses, fraudTypes, type CaseQuery } from '../../api';
import { oneOf, positiveInt, text } from '../../hooks/useUrlQuery';

export type CasesUrlQuery = Required<Pick<CaseQuery, 'page' | 'pageSize'>> &
  Pick<CaseQuery, 'q' | 'status' | 'fraudType' | 'unitCode'>;

export function parseCasesQuery(params: URLSearchParams): CasesUrlQuery {
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20, 200),
    q: text(params.get('q')),
    unitCode: text(params.get('unitCode')),
    status: oneOf(params.get('status'), caseStatuses),
    fraudType: oneOf(params.get('fraudType'), [...fraudTypes, 'other'] as const),
  };
}
