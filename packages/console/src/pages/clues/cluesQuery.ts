import { cluePriorities, clueResults, clueStatuses, type ClueQuery } from '../../api';
import { oneOf, positiveInt, text } from '../../hooks/useUrlQuery';

export type CluesUrlQuery = {
  page: number;
  pageSize: number;
  q: string | undefined;
  unitCode: string | undefined;
  status: ClueQuery['status'];
  priority: ClueQuery['priority'];
  result: ClueQuery['result'];
  /** `1` when only overdue (or escalated) clues are shown. */
  overdue: string | undefined;
  escalated: string | undefined;
};

export function parseCluesQuery(params: URLSearchParams): CluesUrlQuery {
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20, 200),
    q: text(params.get('q')),
    unitCode: text(params.get('unitCode')),
    status: oneOf(params.get('status'), clueStatuses),
    priority: oneOf(params.get('priority'), cluePriorities),
    result: oneOf(params.get('result'), clueResults),
    overdue: params.get('overdue') === '1' ? '1' : undefined,
    escalated: params.get('escalated') === '1' ? '1' : undefined,
  };
}

/** The URL query as the API takes it. */
export function toApiQuery(box: 'inbox' | 'outbox', query: CluesUrlQuery): ClueQuery {
  return {
    box,
    page: query.page,
    pageSize: query.pageSize,
    q: query.q,
    unitCode: query.unitCode,
    status: query.status,
    priority: query.priority,
    result: query.result,
    overdue: query.overdue ? true : undefined,
    escalated: query.escalated ? true : undefined,
  };
}
