/**
 * Persons of the card trade, one per resident ID number: their registered residence (户籍地) is read
 * from the ID (its first six digits name the county, GB/T 2260) and placed in the org tree at the
 * deepest unit that exists — the county, else its city, else the province; another province's
 * residents have no unit here.
 */
import { sql } from 'kysely';
import type { CardPersonRow } from '../../store/cards-schema.js';
import { residentIdProblem } from '../events/index.js';
import type { Db } from './store.js';

export interface PersonInput {
  name: string;
  idNumber: string;
}

export type PersonCheck = { ok: true; name: string; idNumber: string } | { ok: false; reason: string };

/** A person as sent: a name and a valid 18-character resident ID (upper-case X). */
export function checkPerson(input: PersonInput): PersonCheck {
  const name = input.name.normalize('NFKC').trim();
  const idNumber = input.idNumber.trim().toUpperCase();
  if (!name || name.length > 100) return { ok: false, reason: 'name must have 1 to 100 characters' };
  const problem = residentIdProblem(idNumber);
  if (problem) return { ok: false, reason: `idNumber ${problem}` };
  return { ok: true, name, idNumber };
}

/** The residence codes of an ID from the most to the least precise: county, city, province. */
export function residenceCandidates(idNumber: string): string[] {
  const county = idNumber.slice(0, 6);
  return [...new Set([county, `${county.slice(0, 4)}00`, `${county.slice(0, 2)}0000`])];
}

/** Creates or refreshes the persons (by ID number; the latest name wins) and answers their rows. */
export async function upsertPersons(
  db: Db,
  persons: { name: string; idNumber: string }[],
  now: Date,
): Promise<Map<string, CardPersonRow>> {
  const byId = new Map(persons.map((person) => [person.idNumber, person]));
  if (byId.size === 0) return new Map();
  const codes = [...new Set([...byId.keys()].flatMap(residenceCandidates))];
  const known = new Set(
    (await db.selectFrom('units').select('code').where('code', 'in', codes).execute()).map((u) => u.code),
  );
  const rows = await db
    .insertInto('card_persons')
    .values(
      [...byId.values()].map((person) => ({
        id_number: person.idNumber,
        name: person.name,
        residence_code: person.idNumber.slice(0, 6),
        residence_unit_code: residenceCandidates(person.idNumber).find((code) => known.has(code)) ?? null,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.column('id_number').doUpdateSet({
        name: sql`excluded.name`,
        updated_at: sql`excluded.updated_at`,
      }),
    )
    .returningAll()
    .execute();
  return new Map(rows.map((row) => [row.id_number, row]));
}
