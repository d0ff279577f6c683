/**
 * Reading a warning the way an officer does, tolerant of the detail's exact shape: whose it is (the
 * phone when shown unmasked, otherwise the ids of our own events on its timeline) and when its rules
 * fired (the firings' `at`, which is event time and so simulated time).
 */

export interface WarningView {
  id: string;
  level: string;
  status: string | null;
  /** 11-digit national number when the detail shows it unmasked. */
  phone: string | null;
  /** Ids of events on the timeline. */
  eventIds: string[];
  /** When rules fired (ms since the epoch), ascending. */
  firedAt: number[];
}

const MOBILE = /^(?:\+?86)?(1\d{10})$/;

export function readWarning(raw: Record<string, unknown>): WarningView {
  const eventIds = new Set<string>();
  const firedAt: number[] = [];
  collect(raw.timeline, eventIds, firedAt);
  collect(raw.firings, eventIds, firedAt);
  collect(raw.signals, eventIds, firedAt);
  let phone: string | null = null;
  for (const field of ['phone', 'person', 'personPhone', 'phoneNumber']) {
    const value = raw[field];
    const match = typeof value === 'string' ? MOBILE.exec(value.replace(/[\s-]/g, '')) : null;
    if (match) {
      phone = match[1]!;
      break;
    }
  }
  return {
    id: String(raw.id),
    level: String(raw.level ?? ''),
    status: typeof raw.status === 'string' ? raw.status : null,
    phone,
    eventIds: [...eventIds],
    firedAt: firedAt.sort((a, b) => a - b),
  };
}

/** Walks timeline entries: signals name an `eventId`; firings have a `ruleId` (and `eventIds`) and an `at`. */
function collect(value: unknown, eventIds: Set<string>, firedAt: number[]): void {
  if (!Array.isArray(value)) return;
  for (const entry of value) {
    if (!entry || typeof entry !== 'object') continue;
    const record = entry as Record<string, unknown>;
    const nested = (record.firing ?? record.signal ?? null) as Record<string, unknown> | null;
    const item = nested && typeof nested === 'object' ? { ...record, ...nested } : record;
    if (typeof item.eventId === 'string') eventIds.add(item.eventId);
    if (Array.isArray(item.eventIds))
      for (const id of item.eventIds) if (typeof id === 'string') eventIds.add(id);
    const isFiring = typeof item.ruleId === 'string' || item.type === 'firing' || item.kind === 'firing';
    if (isFiring) {
      const at = toMillis(item.at ?? item.firedAt);
      if (at !== null) firedAt.push(at);
    }
  }
}

function toMillis(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const at = Date.parse(value);
    return Number.isNaN(at) ? null : at;
  }
  return null;
}
