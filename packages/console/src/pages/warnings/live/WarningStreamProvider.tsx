import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { warningsApi, type WarningSummary } from '../../../api';
import { useCan } from '../../../auth';
import { useEventSource, type StreamState } from '../../../hooks/useEventSource';
import { parseWarningEvent } from './streamEvents';

// One EventSource per signed-in session on /api/v1/warnings/stream (hooks/useEventSource: reconnects
// with a growing delay), shared by the queue (which merges what arrives) and the side navigation (a
// count of warnings not seen yet). After a reopening, listeners hear `resync` so they reload what they
// may have missed.

export type { StreamState };

export interface WarningStreamListener {
  onWarning: (summary: WarningSummary) => void;
  /** The stream (re)opened: anything sent while it was down was missed. */
  onResync?: () => void;
}

interface WarningStreamValue {
  state: StreamState;
  /** Warnings created or updated since the queue was last looked at. */
  unseen: number;
  /** Clears the count (the queue is in view), or takes one warning off it (its page is open). */
  markSeen: (warningId?: string) => void;
  subscribe: (listener: WarningStreamListener) => () => void;
}

const WarningStreamContext = createContext<WarningStreamValue | null>(null);

export function WarningStreamProvider({ children }: { children: ReactNode }) {
  const enabled = useCan('warnings.read');
  const [unseenIds, setUnseenIds] = useState<ReadonlySet<string>>(new Set());
  const listeners = useRef(new Set<WarningStreamListener>());

  const state = useEventSource(enabled ? warningsApi.streamUrl : null, {
    events: {
      warning: (data) => {
        const summary = parseWarningEvent(data);
        if (!summary) return;
        setUnseenIds((previous) => (previous.has(summary.id) ? previous : new Set(previous).add(summary.id)));
        for (const listener of listeners.current) listener.onWarning(summary);
      },
    },
    onReopen: () => {
      for (const listener of listeners.current) listener.onResync?.();
    },
  });

  const markSeen = useCallback(
    (warningId?: string) =>
      setUnseenIds((previous) => {
        if (warningId === undefined) return previous.size === 0 ? previous : new Set();
        if (!previous.has(warningId)) return previous;
        const next = new Set(previous);
        next.delete(warningId);
        return next;
      }),
    [],
  );
  const subscribe = useCallback((listener: WarningStreamListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo<WarningStreamValue>(
    () => ({ state, unseen: unseenIds.size, markSeen, subscribe }),
    [state, unseenIds, markSeen, subscribe],
  );
  return <WarningStreamContext value={value}>{children}</WarningStreamContext>;
}

export function useWarningStream(): WarningStreamValue {
  const value = useContext(WarningStreamContext);
  if (!value) throw new Error('useWarningStream() must be used inside <WarningStreamProvider>');
  return value;
}
