import { useEffect, useRef, useState } from 'react';
import type { WarningSummary } from '../../../api';
import { useWarningStream } from './WarningStreamProvider';

const FRESH_MS = 4_000;
const RELOAD_DELAY_MS = 400;

/**
 * Keeps a server-filtered, server-ordered page in step with the stream: a warning that arrives or
 * changes is highlighted and the page is fetched again (at most every 400 ms in a burst), so filters,
 * order and paging stay the server's. The rows already shown take the new summary at once.
 */
export function useLiveWarnings(reload: () => void): {
  fresh: ReadonlySet<string>;
  patched: ReadonlyMap<string, WarningSummary>;
} {
  const { subscribe, markSeen } = useWarningStream();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [patched, setPatched] = useState<ReadonlyMap<string, WarningSummary>>(new Map());
  const reloadRef = useRef(reload);
  reloadRef.current = reload;

  useEffect(() => {
    markSeen();
    let pending: ReturnType<typeof setTimeout> | undefined;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const scheduleReload = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        reloadRef.current();
      }, RELOAD_DELAY_MS);
    };
    const unsubscribe = subscribe({
      onWarning: (summary) => {
        markSeen();
        setPatched((previous) => new Map(previous).set(summary.id, summary));
        setFresh((previous) => new Set(previous).add(summary.id));
        const timer = setTimeout(() => {
          timers.delete(timer);
          setFresh((previous) => {
            const next = new Set(previous);
            next.delete(summary.id);
            return next;
          });
        }, FRESH_MS);
        timers.add(timer);
        scheduleReload();
      },
      onResync: scheduleReload,
    });
    return () => {
      unsubscribe();
      clearTimeout(pending);
      for (const timer of timers) clearTimeout(timer);
    };
  }, [subscribe, markSeen]);

  return { fresh, patched };
}
