import { accountKinds, screenKinds, type IntelEntry, type ScreenItem } from '../../../api';
import { oneOf, text } from '../../../hooks/useUrlQuery';

// The tester keeps what it was asked in the address bar, so a link from an entry row (or a link an
// officer sends a colleague) opens the tester filled in and answers at once.

export const screenPath = '/intercept/screen';

/** The item the address asks about, or null when it asks nothing (yet). */
export function parseScreenQuery(params: URLSearchParams): ScreenItem | null {
  const kind = oneOf(params.get('kind'), screenKinds);
  const value = text(params.get('value'));
  if (!kind || value === undefined) return null;
  const smsText = kind === 'sms' ? text(params.get('text')) : undefined;
  const accountKind = kind === 'account' ? oneOf(params.get('accountKind'), accountKinds) : undefined;
  return { kind, value, ...(smsText ? { text: smsText } : {}), ...(accountKind ? { accountKind } : {}) };
}

export function screenSearch(item: ScreenItem): string {
  const params = new URLSearchParams({ kind: item.kind, value: item.value });
  if (item.kind === 'sms' && item.text) params.set('text', item.text);
  if (item.kind === 'account' && item.accountKind) params.set('accountKind', item.accountKind);
  return `?${params.toString()}`;
}

/** The tester, filled in with a listed entry's value ("why is this blocked?"). */
export function screenLinkForEntry(entry: Pick<IntelEntry, 'kind' | 'value' | 'accountKind'>): string {
  return `${screenPath}${screenSearch({
    kind: entry.kind,
    value: entry.value,
    ...(entry.kind === 'account' && entry.accountKind ? { accountKind: entry.accountKind } : {}),
  })}`;
}
