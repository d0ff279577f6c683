/**
 * The activity of each person of a unit's card trade, in one query: the holders registered there (by
 * residence) or whose cards were opened there (by opening), and the people one step above them in the
 * chain; their cards, occasions, cases and money, and the persons they stand above per role.
 */
import { sql } from 'kysely';
import type { ChainRole } from '../../store/cards-schema.js';
import { escapeLike, type Db } from './store.js';

export type GroupBy = 'opening' | 'residence';

export interface PersonActivityRow {
  id: string;
  name: string;
  id_number: string;
  residence_code: string;
  residence_unit_code: string | null;
  residence_unit_name: string | null;
  residence_unit_path: string | null;
  /** The unit under the analysed one where most of his cards were opened. */
  opening_unit_code: string | null;
  cards: string;
  occasions: string;
  cases: string;
  amount: string;
  chain: Partial<Record<ChainRole, number>> | string | null;
  clue_id: string | null;
  dispatched_at: Date | null;
  target_unit_code: string | null;
}

export async function findPersonActivities(
  db: Db,
  unitPath: string,
  by: GroupBy,
): Promise<PersonActivityRow[]> {
  const under = `${escapeLike(unitPath)}%`;
  const base =
    by === 'residence'
      ? sql`SELECT p.id FROM card_persons p JOIN units u ON u.code = p.residence_unit_code WHERE u.path LIKE ${under}`
      : sql`SELECT DISTINCT c.holder_id AS id FROM involved_cards c JOIN units u ON u.code = c.opening_unit_code
            WHERE u.path LIKE ${under} AND c.holder_id IS NOT NULL`;
  const result = await sql<PersonActivityRow>`
    WITH base AS (${base}),
    people AS (
      SELECT id FROM base
      UNION SELECT e.from_person FROM card_chain_edges e WHERE e.to_person IN (SELECT id FROM base)
    ),
    card_stats AS (
      SELECT c.holder_id AS person_id, count(*) AS cards,
             count(DISTINCT coalesce(to_char(c.opened_at, 'YYYY-MM-DD'), c.opening_place, c.issuer, c.id::text)) AS occasions
      FROM involved_cards c WHERE c.holder_id IN (SELECT id FROM people) GROUP BY c.holder_id
    ),
    touch_stats AS (
      SELECT c.holder_id AS person_id, count(DISTINCT t.case_id) AS cases, coalesce(sum(t.amount), 0) AS amount
      FROM involved_cards c JOIN card_case_touches t ON t.card_id = c.id AND t.active
      WHERE c.holder_id IN (SELECT id FROM people) GROUP BY c.holder_id
    ),
    role_counts AS (
      SELECT e.from_person AS person_id, e.role, count(*) AS n
      FROM card_chain_edges e WHERE e.from_person IN (SELECT id FROM people) GROUP BY e.from_person, e.role
    ),
    chain_stats AS (
      SELECT person_id, jsonb_object_agg(role, n) AS chain FROM role_counts GROUP BY person_id
    )
    SELECT p.id, p.name, p.id_number, p.residence_code, p.residence_unit_code,
           ru.name AS residence_unit_name, ru.path AS residence_unit_path,
           (SELECT c2.opening_unit_code FROM involved_cards c2 JOIN units u2 ON u2.code = c2.opening_unit_code
            WHERE c2.holder_id = p.id AND u2.path LIKE ${under}
            GROUP BY c2.opening_unit_code ORDER BY count(*) DESC, c2.opening_unit_code LIMIT 1) AS opening_unit_code,
           coalesce(cs.cards, 0) AS cards, coalesce(cs.occasions, 0) AS occasions,
           coalesce(ts.cases, 0) AS cases, coalesce(ts.amount, 0) AS amount, ch.chain,
           d.clue_id, d.dispatched_at, d.target_unit_code
    FROM card_persons p
    JOIN people ON people.id = p.id
    LEFT JOIN units ru ON ru.code = p.residence_unit_code
    LEFT JOIN card_stats cs ON cs.person_id = p.id
    LEFT JOIN touch_stats ts ON ts.person_id = p.id
    LEFT JOIN chain_stats ch ON ch.person_id = p.id
    LEFT JOIN card_target_dispatches d ON d.person_id = p.id
  `.execute(db);
  return result.rows;
}
