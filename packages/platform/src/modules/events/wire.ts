/**
 * The wire format of a partner event (docs/warnings.md, "Events in"): a schema for the envelope and
 * one for each kind's evidence, then the checks a schema cannot make (the phone number's class, the
 * resident ID's checksum, the time's offset and how far ahead it is). Every failure is one clear
 * reason that names the field, because the reason is what a partner reads in the dead-letter store.
 */
import { classifyNumber, EVENT_KINDS, FRAUD_TYPES, type EventKind, type ScreenKind } from '@fanzha/engine';
import { Type, type TSchema } from 'typebox';
import { compileStrict, fieldErrors } from '../../http/validation.js';
import { residentIdProblem } from './resident-id.js';

/** An NDJSON line that is not JSON: it still has a place in the batch, and is rejected there. */
export class UnreadableLine {
  constructor(readonly text: string) {}
}

/** An event that passed every check, in normalised form (phone in E.164, ID number upper-cased). */
export interface ValidEvent {
  /** The sender's id: the idempotency key. */
  id: string;
  kind: EventKind;
  /** When it happened. */
  at: Date;
  /** The citizen's number, E.164. */
  phone: string;
  /** The 18-character resident ID (checksum verified, upper-case X), when the partner knows it. */
  idNumber: string | null;
  evidence: Record<string, unknown>;
}

export type EventCheck = { ok: true; event: ValidEvent } | { ok: false; id: string | null; reason: string };

/** How far ahead of the platform's clock an event's time may be (partners' clocks drift). */
export const MAX_FUTURE_MS = 5 * 60_000;

const SCREEN_KINDS: readonly ScreenKind[] = ['number', 'sms', 'domain', 'url', 'account', 'app', 'imei'];

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const oneOf = (values: readonly string[]) => Type.Unsafe<string>({ type: 'string', enum: [...values] });

export const EventEnvelope = Type.Object(
  {
    id: Type.String({
      minLength: 1,
      maxLength: 128,
      pattern: '^\\P{C}*$',
      description: '1–128 printable characters, unique per sender: the idempotency key',
    }),
    kind: oneOf(EVENT_KINDS),
    at: Type.String({ maxLength: 40, description: 'ISO 8601 with offset: when it happened' }),
    phone: text(40),
    idNumber: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    evidence: Type.Object({}, { additionalProperties: true }),
  },
  { additionalProperties: false },
);

const common = { fraudType: Type.Optional(oneOf(FRAUD_TYPES)), note: Type.Optional(text(2000)) };
const evidenceOf = (properties: Record<string, TSchema>) =>
  Type.Object({ ...properties, ...common }, { additionalProperties: false });

/** The evidence each kind carries; every kind may add `fraudType` and `note`. */
export const EVIDENCE_SCHEMAS: Record<EventKind, TSchema> = {
  call: evidenceOf({
    number: text(40),
    durationSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
  }),
  sms: evidenceOf({ number: Type.Optional(text(40)), text: Type.Optional(text(2000)) }),
  web: evidenceOf({ domain: Type.Optional(text(253)), url: Type.Optional(text(2048)) }),
  app: evidenceOf({ app: text(256), name: Type.Optional(text(256)) }),
  transfer: evidenceOf({
    account: text(64),
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e12, description: 'yuan' }),
  }),
  report: evidenceOf({
    number: Type.Optional(text(40)),
    domain: Type.Optional(text(253)),
    account: Type.Optional(text(64)),
  }),
  screening_hit: evidenceOf({ value: text(2048), screenKind: oneOf(SCREEN_KINDS) }),
};

/** Kinds whose evidence needs at least one of two optional fields. */
const ONE_OF_REQUIRED: Partial<Record<EventKind, readonly [string, string]>> = {
  sms: ['number', 'text'],
  web: ['domain', 'url'],
};

const checkEnvelope = compileStrict(EventEnvelope);
const checkEvidence = Object.fromEntries(
  EVENT_KINDS.map((kind) => [kind, compileStrict(EVIDENCE_SCHEMAS[kind])]),
) as Record<EventKind, ReturnType<typeof compileStrict>>;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

/** `/evidence/amount must be > 0` → `evidence.amount must be > 0`. */
function schemaReason(errors: Parameters<typeof fieldErrors>[0], prefix = ''): string {
  return fieldErrors(errors, 'body')
    .map(({ field, message }) => {
      const path = `${prefix}${field.replace(/^\//, '').replace(/\//g, '.')}`.replace(/\.$/, '');
      // The only pattern is the id's; ajv would quote the regular expression.
      const text = message.startsWith('must match pattern') ? 'must be printable characters only' : message;
      return `${path || 'event'} ${text}`;
    })
    .join('; ');
}

function idOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const id = (input as { id?: unknown }).id;
  return typeof id === 'string' ? id.slice(0, 128) : null;
}

/** Checks one event against the wire format at the platform's time `now`. */
export function checkEvent(input: unknown, now: Date): EventCheck {
  const id = idOf(input);
  const reject = (reason: string): EventCheck => ({ ok: false, id, reason });
  if (input instanceof UnreadableLine) return reject('the line is not valid JSON');
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return reject('an event must be a JSON object');
  if (!checkEnvelope(input)) return reject(schemaReason(checkEnvelope.errors ?? []));
  const raw = input as {
    id: string;
    kind: EventKind;
    at: string;
    phone: string;
    idNumber?: string | null;
    evidence: Record<string, unknown>;
  };

  const validateEvidence = checkEvidence[raw.kind];
  if (!validateEvidence(raw.evidence))
    return reject(schemaReason(validateEvidence.errors ?? [], 'evidence.'));
  const needed = ONE_OF_REQUIRED[raw.kind];
  if (needed && needed.every((field) => raw.evidence[field] === undefined))
    return reject(`evidence needs ${needed[0]} or ${needed[1]} for a ${raw.kind} event`);

  if (!ISO_WITH_OFFSET.test(raw.at))
    return reject(
      `at must be an ISO 8601 time with an offset, e.g. 2026-11-26T08:00:00+08:00 (got "${raw.at}")`,
    );
  const at = new Date(raw.at);
  if (Number.isNaN(at.getTime())) return reject(`at is not a real time ("${raw.at}")`);
  if (at.getTime() - now.getTime() > MAX_FUTURE_MS)
    return reject(`at is more than 5 minutes in the future ("${raw.at}")`);

  const phone = classifyNumber(raw.phone);
  if (phone.kind !== 'mobile' && phone.kind !== 'fixed') {
    const label = phone.kind.replace('_', ' ');
    const why =
      phone.kind === 'invalid'
        ? `invalid: ${phone.reason}`
        : `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} number`;
    return reject(`phone "${raw.phone}" is not a mobile or fixed-line number (${why})`);
  }

  let idNumber: string | null = null;
  if (raw.idNumber !== undefined && raw.idNumber !== null) {
    idNumber = raw.idNumber.toUpperCase();
    const problem = residentIdProblem(idNumber);
    if (problem) return reject(`idNumber ${problem}`);
  }

  return {
    ok: true,
    event: { id: raw.id, kind: raw.kind, at, phone: phone.normalized!, idNumber, evidence: raw.evidence },
  };
}

/** The wire form of a valid event as it travels on the bus: the same shape, normalised. */
export function wireForm(event: ValidEvent): Record<string, unknown> {
  return {
    id: event.id,
    kind: event.kind,
    at: event.at.toISOString(),
    phone: event.phone,
    ...(event.idNumber ? { idNumber: event.idNumber } : {}),
    evidence: event.evidence,
  };
}

/**
 * Reads back what `wireForm` wrote: the intake checked that event already, so only its shape is
 * confirmed here. Null when it is not that shape (then the full check runs).
 */
export function readWireForm(input: unknown): ValidEvent | null {
  if (typeof input !== 'object' || input === null) return null;
  const { id, kind, at, phone, idNumber, evidence } = input as Record<string, unknown>;
  if (
    typeof id !== 'string' ||
    !(EVENT_KINDS as readonly unknown[]).includes(kind) ||
    typeof at !== 'string' ||
    typeof phone !== 'string' ||
    !phone.startsWith('+') ||
    (idNumber !== undefined && typeof idNumber !== 'string') ||
    typeof evidence !== 'object' ||
    evidence === null ||
    Array.isArray(evidence)
  )
    return null;
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) return null;
  return {
    id,
    kind: kind as EventKind,
    at: time,
    phone,
    idNumber: idNumber ?? null,
    evidence: evidence as Record<string, unknown>,
  };
}
