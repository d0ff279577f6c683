import { candidateStatuses, type CandidateQuery, type CandidateStatus, type ScreenItem } from '../../../api';
import { oneOf, positiveInt } from '../../../hooks/useUrlQuery';
import { screenPath, screenSearch } from '../screen/screenQuery';

/** The queue's tab and page in the address; no status means the pending queue. */
export type CandidatesUrlQuery = Required<CandidateQuery>;

export function parseCandidatesQuery(params: URLSearchParams): CandidatesUrlQuery {
  return {
    status: oneOf(params.get('status'), candidateStatuses) ?? 'pending',
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20, 200),
  };
}

export const isCandidateStatus = (value: string): value is CandidateStatus =>
  (candidateStatuses as readonly string[]).includes(value);

/** The tester, filled in with a candidate's name ("what do partners get for it now?"). */
export function screenLinkForDomain(name: string): string {
  const item: ScreenItem = { kind: 'domain', value: name };
  return `${screenPath}${screenSearch(item)}`;
}

export const MAX_NAMES_PER_SUBMIT = 100_000;

/** The names pasted one per line: trimmed, without blank lines and repeats, in the order typed. */
export function parseNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    ),
  ];
}
