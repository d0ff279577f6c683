import dayjs from 'dayjs';
import type { FiguresQuery } from '../../../api';
import { text } from '../../../hooks/useUrlQuery';

/** The figures' period as days in the address (`from`, `to`, both included) and the unit. */
export type FiguresUrlQuery = { from: string | undefined; to: string | undefined; unit: string | undefined };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | null) =>
  value !== null && DAY.test(value) && dayjs(value).isValid() ? value : undefined;

export function parseFiguresQuery(params: URLSearchParams): FiguresUrlQuery {
  return { from: day(params.get('from')), to: day(params.get('to')), unit: text(params.get('unit')) };
}

/** The days shown: the address's, or the last 7 days up to `today` (YYYY-MM-DD). */
export function periodOf(query: FiguresUrlQuery, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? dayjs(to).subtract(6, 'day').format('YYYY-MM-DD');
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The API's instants for whole local days: from the first day's midnight to the midnight after the last. */
export function toApiQuery(query: FiguresUrlQuery, today: string): FiguresQuery {
  const { from, to } = periodOf(query, today);
  return {
    from: dayjs(from).startOf('day').toISOString(),
    to: dayjs(to).add(1, 'day').startOf('day').toISOString(),
    ...(query.unit ? { unit: query.unit } : {}),
  };
}
