import { warningLevels, warningStatuses, type WarningSummary } from '../../../api';

// The warning stream's wire format and its reconnection schedule, without React (unit-tested).

/** The `data` of a `warning` server-sent event, or null when it is not a warning summary. */
export function parseWarningEvent(data: string): WarningSummary | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  // The summary itself, or a change notice carrying it ({change, warning}).
  const inner = (value as { warning?: unknown }).warning;
  const summary = (typeof inner === 'object' && inner !== null ? inner : value) as Partial<WarningSummary>;
  const valid =
    typeof summary.id === 'string' &&
    (warningLevels as readonly unknown[]).includes(summary.level) &&
    (warningStatuses as readonly unknown[]).includes(summary.status);
  return valid ? (summary as WarningSummary) : null;
}

/** How long to wait before the n-th reconnection (the hook that keeps streams open). */
export { reconnectDelayMs } from '../../../hooks/useEventSource';
