/** Cards as answers: holders masked (name 张*, ID 3201**********1234), money as numbers. */
import { maskIdNumber, maskName } from '../personal-data/index.js';
import type { CardListRow } from './store.js';

export function toCardView(row: CardListRow) {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    issuer: row.issuer,
    openingPlace: row.opening_place,
    openingUnit: row.opening_unit_code
      ? { code: row.opening_unit_code, name: row.opening_unit_name ?? row.opening_unit_code }
      : null,
    openedOn: row.opened_on,
    holder: row.holder_id
      ? {
          personId: row.holder_id,
          name: maskName(row.holder_name ?? ''),
          idNumber: maskIdNumber(row.holder_id_number ?? ''),
          residenceCode: row.residence_code ?? '',
          residenceUnit: row.residence_unit_code
            ? { code: row.residence_unit_code, name: row.residence_unit_name ?? row.residence_unit_code }
            : null,
        }
      : null,
    seenInCases: row.seen_in_cases,
    reportedBy: row.reported_by,
    caseCount: Number(row.case_count),
    amount: Number(row.amount),
    firstSeenAt: new Date(row.first_seen_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
