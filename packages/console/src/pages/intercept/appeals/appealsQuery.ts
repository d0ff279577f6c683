import { appealStatuses, type AppealQuery } from '../../../api';
import { oneOf, positiveInt } from '../../../hooks/useUrlQuery';

/** `status=all` shows every appeal; no status in the address means the pending queue. */
export type AppealsUrlQuery = Required<Pick<AppealQuery, 'page' | 'pageSize'>> & {
  status: AppealQuery['status'] | 'all';
};

export function parseAppealsQuery(params: URLSearchParams): AppealsUrlQuery {
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20, 200),
    status:
      params.get('status') === 'all' ? 'all' : (oneOf(params.get('status'), appealStatuses) ?? 'pending'),
  };
}

export function toApiQuery(query: AppealsUrlQuery): AppealQuery {
  return {
    page: query.page,
    pageSize: query.pageSize,
    ...(query.status && query.status !== 'all' ? { status: query.status } : {}),
  };
}
