/**
 * App identities: the Android package name (`com.example.loan`) or the iOS bundle id
 * (`com.example.Loan-Pro`), both reverse-DNS names. `normalizeAppId` validates one and lower-cases it,
 * so one app is one value however a partner, a phone or an officer writes it. Never throws.
 *
 * Display names ("安全防护", "国家反诈中心") are not identities: fake apps copy the names of real
 * ones, so a listed name would block the genuine app too. They are rejected (`not_an_app_id`) and the
 * platform keeps them on a case without screening them.
 *
 * Rules: 2 or more dot-separated segments of letters, digits, `_` and `-` (Android allows no `-`,
 * iOS no `_`; both are accepted, since the one identity covers both stores), the first beginning with
 * a letter; at most 255 characters. Also taken: `package:com.x.y` (what `adb shell pm list packages`
 * prints) and a Google Play link (`…/store/apps/details?id=com.x.y`).
 */
export type AppIdInvalidReason = 'empty' | 'too_long' | 'not_an_app_id';

export type NormalizedAppId = { ok: true; normalized: string } | { ok: false; reason: AppIdInvalidReason };

export const MAX_APP_ID_LENGTH = 255;

const APP_ID = /^[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+$/;
const PLAY_LINK = /^(?:https?:\/\/)?play\.google\.com\/store\/apps\/details\?(?:[^#]*&)?id=([^&#]+)/i;

export function normalizeAppId(value: string): NormalizedAppId {
  let text = String(value ?? '')
    .normalize('NFKC')
    .trim();
  const link = PLAY_LINK.exec(text);
  if (link) text = decodeComponent(link[1] ?? '');
  else if (/^package:/i.test(text)) text = text.slice('package:'.length).trim();
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if (text.length > MAX_APP_ID_LENGTH) return { ok: false, reason: 'too_long' };
  const id = text.toLowerCase();
  return APP_ID.test(id) ? { ok: true, normalized: id } : { ok: false, reason: 'not_an_app_id' };
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
