/**
 * The chain of the card trade between persons (组织开办 organiser, 带队 escort, 收购 buyer, 贩卖 seller,
 * 邮寄 courier): edges recorded by officers, and a person's neighbourhood along them (顺线深挖) as a
 * graph — the people above and below him to a few steps, each with his roles and degree.
 */
import { MultiDirectedGraph } from 'graphology';
import { bfsFromNode } from 'graphology-traversal';
import { sql } from 'kysely';
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { ChainRole } from '../../store/cards-schema.js';
import { recordAudit } from '../audit/index.js';
import { actorName, type Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { getUnit } from '../org/index.js';
import { maskIdNumber, maskName } from '../personal-data/index.js';
import { defaultUnit } from './groups.js';
import { checkPerson, upsertPersons, type PersonInput } from './persons.js';
import { escapeLike, seesAll, type Db } from './store.js';

export const CHAIN_ROLES = ['organiser', 'escort', 'buyer', 'seller', 'courier'] as const;
/** How far a neighbourhood reaches at most (steps along the chain, either direction). */
export const MAX_CHAIN_DEPTH = 4;

export interface ChainEdgeInput {
  from: PersonInput;
  to: PersonInput;
  role: ChainRole;
  caseId?: string;
  note?: string;
}

export async function recordChainEdge(ctx: Context, actor: Actor, input: ChainEdgeInput) {
  authorize(actor, 'cards.write');
  const errors = (['from', 'to'] as const).flatMap((side) => {
    const check = checkPerson(input[side]);
    return check.ok ? [] : [{ field: `/${side}`, message: check.reason }];
  });
  if (errors.length) throw new AppError('validation_failed', 'the persons are not valid', errors);
  const from = checkPerson(input.from) as { ok: true; name: string; idNumber: string };
  const to = checkPerson(input.to) as { ok: true; name: string; idNumber: string };
  if (from.idNumber === to.idNumber)
    throw new AppError('validation_failed', 'a person cannot be his own link in the chain', [
      { field: '/to/idNumber', message: 'must differ from /from/idNumber' },
    ]);
  const unit = await getUnit(ctx, actor, defaultUnit(ctx, actor));
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const persons = await upsertPersons(tx, [from, to], now);
    const fromId = persons.get(from.idNumber)!.id;
    const toId = persons.get(to.idNumber)!.id;
    const inserted = await tx
      .insertInto('card_chain_edges')
      .values({
        from_person: fromId,
        to_person: toId,
        role: input.role,
        case_id: input.caseId?.trim() || null,
        note: input.note?.trim() || null,
        unit_code: unit.code,
        created_by: actorName(actor),
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['from_person', 'to_person', 'role']).doNothing())
      .returning('id')
      .executeTakeFirst();
    const edge = await tx
      .selectFrom('card_chain_edges')
      .selectAll()
      .where('from_person', '=', fromId)
      .where('to_person', '=', toId)
      .where('role', '=', input.role)
      .executeTakeFirstOrThrow();
    if (inserted)
      await recordAudit(
        tx,
        actor,
        {
          action: 'cards.chain_edge',
          recordType: 'card_chain_edge',
          recordId: edge.id,
          detail: { role: input.role },
        },
        now,
      );
    return {
      created: Boolean(inserted),
      id: edge.id,
      fromPersonId: fromId,
      toPersonId: toId,
      role: edge.role,
      caseId: edge.case_id,
      note: edge.note,
      createdBy: edge.created_by,
      createdAt: new Date(edge.created_at).toISOString(),
    };
  });
}

/** The person if the actor may see him: registered, holding a visible card, or on a chain edge recorded in its subtree. */
export async function findVisiblePerson(db: Db, actor: Actor, personId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return undefined;
  const under = `${escapeLike(actor.unitPath)}%`;
  return db
    .selectFrom('card_persons as p')
    .leftJoin('units as ru', 'ru.code', 'p.residence_unit_code')
    .selectAll('p')
    .select('ru.name as residence_unit_name')
    .where('p.id', '=', personId)
    .$if(!seesAll(actor.unitPath), (query) =>
      query.where(
        (eb) => sql<boolean>`(
        ${eb.ref('ru.path')} LIKE ${under}
        OR EXISTS (
          SELECT 1 FROM involved_cards c
          LEFT JOIN units ou ON ou.code = c.opening_unit_code
          WHERE c.holder_id = p.id AND (ou.path LIKE ${under} OR EXISTS (
            SELECT 1 FROM card_case_touches t JOIN units tu ON tu.code = t.case_unit_code
            WHERE t.card_id = c.id AND t.active AND tu.path LIKE ${under})))
        OR EXISTS (
          SELECT 1 FROM card_chain_edges e JOIN units eu ON eu.code = e.unit_code
          WHERE (e.from_person = p.id OR e.to_person = p.id) AND eu.path LIKE ${under}))`,
      ),
    )
    .executeTakeFirst();
}

export async function chainNeighbourhood(ctx: Context, actor: Actor, personId: string, depth: number) {
  authorize(actor, 'cards.read');
  const person = await findVisiblePerson(ctx.db, actor, personId);
  if (!person) throw new AppError('not_found', `no person ${personId} in your part of the org tree`);
  const graph = new MultiDirectedGraph<Record<string, never>, { role: ChainRole; caseId: string | null }>();
  graph.addNode(person.id);
  // Walk outwards one step per query: each step loads the edges of the persons just reached.
  let frontier = [person.id];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const edges = await ctx.db
      .selectFrom('card_chain_edges')
      .select(['id', 'from_person', 'to_person', 'role', 'case_id'])
      .where((eb) => eb.or([eb('from_person', 'in', frontier), eb('to_person', 'in', frontier)]))
      .execute();
    const next: string[] = [];
    for (const edge of edges) {
      for (const node of [edge.from_person, edge.to_person])
        if (!graph.hasNode(node)) {
          graph.addNode(node);
          next.push(node);
        }
      if (!graph.hasEdge(edge.id))
        graph.addEdgeWithKey(edge.id, edge.from_person, edge.to_person, {
          role: edge.role,
          caseId: edge.case_id,
        });
    }
    frontier = next;
  }
  const distance = new Map<string, number>();
  bfsFromNode(
    graph,
    person.id,
    (node, _attributes, steps) => {
      distance.set(node, steps);
      return steps >= depth;
    },
    { mode: 'directed' },
  );
  const persons = await personsOf(ctx.db, [...distance.keys()]);
  const nodes = [...distance.entries()].map(([id, steps]) => {
    const row = persons.get(id)!;
    const roles = new Set<string>();
    graph.forEachOutEdge(id, (_edge, attributes) => roles.add(attributes.role));
    return {
      personId: id,
      name: maskName(row.name),
      idNumber: maskIdNumber(row.id_number),
      residenceCode: row.residence_code,
      residenceUnit: row.residence_unit_code
        ? { code: row.residence_unit_code, name: row.residence_unit_name ?? row.residence_unit_code }
        : null,
      distance: steps,
      roles: [...roles].sort(),
      degree: graph.degree(id),
    };
  });
  const edges: { id: string; from: string; to: string; role: ChainRole; caseId: string | null }[] = [];
  graph.forEachEdge((id, attributes, source, target) => {
    if (distance.has(source) && distance.has(target))
      edges.push({ id, from: source, to: target, role: attributes.role, caseId: attributes.caseId });
  });
  return { personId: person.id, depth, nodes: nodes.sort((a, b) => a.distance - b.distance), edges };
}

async function personsOf(db: Db, ids: string[]) {
  const rows = ids.length
    ? await db
        .selectFrom('card_persons as p')
        .leftJoin('units as ru', 'ru.code', 'p.residence_unit_code')
        .selectAll('p')
        .select('ru.name as residence_unit_name')
        .where('p.id', 'in', ids)
        .execute()
    : [];
  return new Map(rows.map((row) => [row.id, row]));
}
