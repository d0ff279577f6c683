import { useEffect, useRef, useState } from 'react';

// One EventSource kept open: named events go to their handlers; the browser retries a dropped
// connection by itself, and when it gives up (the stream answered an error) we reopen it with a
// growing delay. `onReopen` runs each time it opens again after a drop: what was sent meanwhile was
// missed, so listeners reload.

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'off';

/** How long to wait before the n-th reconnection (0-based): 1 s doubling to 30 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
}

export interface EventSourceHandlers {
  /** Named events (`event: warning`): the raw `data`. */
  events: Record<string, (data: string) => void>;
  onReopen?: () => void;
}

/** Keeps a stream on `url` open while it is not null; answers its state. Handlers may change freely. */
export function useEventSource(url: string | null, handlers: EventSourceHandlers): StreamState {
  const [state, setState] = useState<StreamState>(url ? 'connecting' : 'off');
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') {
      setState('off');
      return;
    }
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let opened = false;
    const open = () => {
      source = new EventSource(url, { withCredentials: true });
      source.onopen = () => {
        failures = 0;
        setState('live');
        if (opened) latest.current.onReopen?.();
        opened = true;
      };
      for (const name of Object.keys(latest.current.events))
        source.addEventListener(name, (event) =>
          latest.current.events[name]?.((event as MessageEvent<string>).data),
        );
      source.onerror = () => {
        setState('reconnecting');
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        retry = setTimeout(open, reconnectDelayMs(failures++));
      };
    };
    setState('connecting');
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [url]);
  return state;
}
