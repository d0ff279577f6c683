/**
 * Partner feeds of involved cards (`POST /api/v1/partner/cards`, scope `cards`): banks and carriers
 * say where a card was opened (the branch or outlet and the unit whose area it is), when, and who holds
 * it. Each item is checked on its own; a bad one is rejected by its index and the rest are saved.
 * A later report of the same card fills in or replaces what it names and leaves the rest.
 */
import { sql } from 'kysely';
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { actorName, type Actor } from '../auth/actor.js';
import { hasScope } from '../auth/policy.js';
import { CARD_KINDS, normalizeCardNumber, type CardKind } from './card-kinds.js';
import { checkPerson, upsertPersons } from './persons.js';
import type { Db } from './store.js';

export const MAX_CARDS_PER_REQUEST = 10_000;

/** A line that was not JSON, kept in its place so that its index is the one rejected. */
export class UnreadableItem {
  constructor(readonly text: string) {}
}

export interface CardFeedResult {
  accepted: number;
  rejected: { index: number; reason: string }[];
}

interface CheckedItem {
  kind: CardKind;
  number: string;
  issuer: string | null;
  openingPlace: string | null;
  openingUnitCode: string | null;
  openedOn: string | null;
  holder: { name: string; idNumber: string } | null;
}

const FIELDS = new Set([
  'kind',
  'number',
  'provider',
  'issuer',
  'openingPlace',
  'openingUnitCode',
  'openedOn',
  'holder',
]);

export async function takeCardFeed(ctx: Context, actor: Actor, items: unknown[]): Promise<CardFeedResult> {
  if (!hasScope(actor, 'cards')) throw new AppError('forbidden', 'this API key lacks the scope cards');
  if (items.length > MAX_CARDS_PER_REQUEST)
    throw new AppError('payload_too_large', `at most ${MAX_CARDS_PER_REQUEST} cards per request`);
  const units = await unitsUnder(ctx.db, actor.unitPath);
  const rejected: CardFeedResult['rejected'] = [];
  const checked = new Map<string, CheckedItem>();
  items.forEach((item, index) => {
    const result = checkItem(item, units);
    if (typeof result === 'string') rejected.push({ index, reason: result });
    else checked.set(`${result.kind} ${result.number}`, result);
  });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await saveCards(tx, [...checked.values()], actorName(actor), now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'cards.partner_feed',
        recordType: 'involved_card',
        detail: { received: items.length, accepted: checked.size, rejected: rejected.length },
      },
      now,
    );
  });
  return { accepted: items.length - rejected.length, rejected };
}

async function unitsUnder(db: Db, unitPath: string): Promise<Set<string>> {
  const rows = await db.selectFrom('units').select('code').where('path', 'like', `${unitPath}%`).execute();
  return new Set(rows.map((row) => row.code));
}

/** The item checked and normalised, or the reason it is rejected (naming the field). */
function checkItem(item: unknown, units: Set<string>): CheckedItem | string {
  if (item instanceof UnreadableItem) return 'the line is not JSON';
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'each item must be an object';
  const value = item as Record<string, unknown>;
  const unknown = Object.keys(value).find((key) => !FIELDS.has(key));
  if (unknown) return `unknown field ${unknown}`;
  if (!(CARD_KINDS as readonly unknown[]).includes(value.kind))
    return `kind must be one of ${CARD_KINDS.join(', ')}`;
  if (typeof value.number !== 'string') return 'number must be a string';
  const card = normalizeCardNumber(
    value.kind as CardKind,
    value.number,
    typeof value.provider === 'string' ? value.provider : null,
  );
  if (!card.ok) return `number is not valid (${card.reason})`;
  const text = (field: string, max: number): string | null | string[] => {
    const raw = value[field];
    if (raw === undefined || raw === null) return null;
    if (typeof raw !== 'string' || raw.trim().length === 0 || raw.length > max)
      return [`${field} must be a text of 1 to ${max} characters`];
    return raw.normalize('NFKC').trim();
  };
  const issuer = text('issuer', 100);
  const openingPlace = text('openingPlace', 200);
  const openingUnitCode = text('openingUnitCode', 12);
  const openedOn = text('openedOn', 10);
  for (const field of [issuer, openingPlace, openingUnitCode, openedOn])
    if (Array.isArray(field)) return field[0]!;
  if (typeof openingUnitCode === 'string' && !units.has(openingUnitCode))
    return `openingUnitCode ${openingUnitCode} is not a unit of your part of the org tree`;
  if (typeof openedOn === 'string' && !isCalendarDate(openedOn)) return 'openedOn must be a date YYYY-MM-DD';
  let holder: CheckedItem['holder'] = null;
  if (value.holder !== undefined && value.holder !== null) {
    const raw = value.holder as Record<string, unknown>;
    if (typeof raw !== 'object' || typeof raw.name !== 'string' || typeof raw.idNumber !== 'string')
      return 'holder must be {name, idNumber}';
    const person = checkPerson({ name: raw.name, idNumber: raw.idNumber });
    if (!person.ok) return `holder.${person.reason}`;
    holder = { name: person.name, idNumber: person.idNumber };
  }
  return {
    kind: card.kind,
    number: card.number,
    issuer: (issuer as string | null) ?? card.issuer,
    openingPlace: openingPlace as string | null,
    openingUnitCode: openingUnitCode as string | null,
    openedOn: openedOn as string | null,
    holder,
  };
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

async function saveCards(tx: Db, items: CheckedItem[], reporter: string, now: Date): Promise<void> {
  if (items.length === 0) return;
  const persons = await upsertPersons(
    tx,
    items.flatMap((item) => (item.holder ? [item.holder] : [])),
    now,
  );
  await tx
    .insertInto('involved_cards')
    .values(
      items.map((item) => ({
        kind: item.kind,
        number: item.number,
        issuer: item.issuer,
        opening_place: item.openingPlace,
        opening_unit_code: item.openingUnitCode,
        opened_at: item.openedOn,
        holder_id: item.holder ? persons.get(item.holder.idNumber)!.id : null,
        reported_by: reporter,
        first_seen_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['kind', 'number']).doUpdateSet({
        issuer: sql`coalesce(excluded.issuer, involved_cards.issuer)`,
        opening_place: sql`coalesce(excluded.opening_place, involved_cards.opening_place)`,
        opening_unit_code: sql`coalesce(excluded.opening_unit_code, involved_cards.opening_unit_code)`,
        opened_at: sql`coalesce(excluded.opened_at, involved_cards.opened_at)`,
        holder_id: sql`coalesce(excluded.holder_id, involved_cards.holder_id)`,
        reported_by: sql`excluded.reported_by`,
        updated_at: sql`excluded.updated_at`,
      }),
    )
    .execute();
}
