/**
 * Hand-written JSON for verdicts: the bytes fast-json-stringify writes from `VerdictSchema` for
 * `toApiVerdict(verdict)` (same properties, same order, dates as ISO strings), without building the
 * API object first. The screening routes answer with these strings; the schema stays on the routes
 * for the OpenAPI document, and a test holds the two byte for byte.
 */
import type { Verdict, VerdictReason } from '@fanzha/engine';

/** The JSON of a value that needs no escaping (E.164 numbers, short codes): checked, then quoted. */
function quote(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || c > 126) return JSON.stringify(text);
  }
  return `"${text}"`;
}

/** A pass verdict for an E.164 number as `classifyNumber` writes it ("+" and digits: nothing to escape). */
export function passE164Json(e164: string): string {
  return '{"action":"pass","risk":0,"reasons":[],"normalized":"' + e164 + '","invalidReason":null}';
}

const invalidCache = new Map<string, string>();

/** A pass verdict for a normalized value. */
export function passJson(normalized: string): string {
  return `{"action":"pass","risk":0,"reasons":[],"normalized":${quote(normalized)},"invalidReason":null}`;
}

/** An invalid verdict; the reasons are a small fixed vocabulary, so their JSON is kept. */
export function invalidJson(reason: string): string {
  let json = invalidCache.get(reason);
  if (json === undefined) {
    json = `{"action":"invalid","risk":0,"reasons":[],"normalized":null,"invalidReason":${quote(reason)}}`;
    if (invalidCache.size < 256) invalidCache.set(reason, json);
  }
  return json;
}

/** Entries share few distinct times (one per import or change), so their ISO strings are kept. */
const isoCache = new Map<number, string>();

function isoOf(millis: number): string {
  let iso = isoCache.get(millis);
  if (iso === undefined) {
    iso = new Date(millis).toISOString();
    if (isoCache.size >= 4096) isoCache.clear();
    isoCache.set(millis, iso);
  }
  return iso;
}

function reasonJson(reason: VerdictReason): string {
  return (
    `{"list":${quote(reason.list)},"rule":${quote(reason.rule)},` +
    `"source":{"kind":${quote(reason.source.kind)},"id":${quote(reason.source.id)}},` +
    `"addedAt":"${isoOf(reason.addedAt)}","action":${quote(reason.action)},` +
    `"confidence":${reason.confidence},` +
    `"expiresAt":${reason.expiresAt === null ? 'null' : `"${isoOf(reason.expiresAt)}"`}}`
  );
}

/** The JSON text of a verdict as the API answers it. */
export function verdictJson(verdict: Verdict): string {
  const { reasons } = verdict;
  if (reasons.length === 0) {
    if (verdict.action === 'pass' && verdict.normalized !== null) return passJson(verdict.normalized);
    if (verdict.action === 'invalid' && verdict.normalized === null && verdict.invalidReason !== null)
      return invalidJson(verdict.invalidReason);
  }
  let list = '';
  for (let i = 0; i < reasons.length; i++) list += (i === 0 ? '' : ',') + reasonJson(reasons[i]!);
  return (
    `{"action":${quote(verdict.action)},"risk":${verdict.risk},"reasons":[${list}],` +
    `"normalized":${verdict.normalized === null ? 'null' : quote(verdict.normalized)},` +
    `"invalidReason":${verdict.invalidReason === null ? 'null' : quote(verdict.invalidReason)}}`
  );
}
