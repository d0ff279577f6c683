import { entryActions, sourceKinds, type EntryQuery } from '../../../api';
import { oneOf, positiveInt, text } from '../../../hooks/useUrlQuery';

export type EntriesUrlQuery = Required<Pick<EntryQuery, 'page' | 'pageSize'>> &
  Pick<EntryQuery, 'list' | 'q' | 'action' | 'sourceKind'>;

export function parseEntriesQuery(params: URLSearchParams): EntriesUrlQuery {
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20, 200),
    list: text(params.get('list')),
    q: text(params.get('q')),
    action: oneOf(params.get('action'), entryActions),
    sourceKind: oneOf(params.get('sourceKind'), sourceKinds),
  };
}
