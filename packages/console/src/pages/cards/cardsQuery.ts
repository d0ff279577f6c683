import { cardGroupings, cardKinds, type CardGrouping, type CardKind } from '../../api';
import { oneOf, positiveInt, text } from '../../hooks/useUrlQuery';

export type CardsUrlQuery = {
  page: number;
  pageSize: number;
  q: string | undefined;
  kind: CardKind | undefined;
  unit: string | undefined;
  by: CardGrouping | undefined;
};

export function parseCardsQuery(params: URLSearchParams): CardsUrlQuery {
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20, 200),
    q: text(params.get('q')),
    kind: oneOf(params.get('kind'), cardKinds),
    unit: text(params.get('unit')),
    by: oneOf(params.get('by'), cardGroupings),
  };
}

/** The analysis pages' query: a unit of the subtree and the grouping (residence by default). */
export type UnitUrlQuery = {
  page: number;
  pageSize: number;
  unit: string | undefined;
  by: CardGrouping;
};

export function parseUnitQuery(params: URLSearchParams): UnitUrlQuery {
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20, 200),
    unit: text(params.get('unit')),
    by: oneOf(params.get('by'), cardGroupings) ?? 'residence',
  };
}
