import { useEffect, useRef, useState } from 'react';
import { operationsApi } from '../../api';
import { reconnectDelayMs } from '../warnings/live/streamEvents';

// The 集中收网 board's live feed: an EventSource on /api/v1/operations/{id}/stream. Each `clue` event (a
// step of one of the operation's clues) calls `onChange`; so does every reopening after a drop, since
// what was sent meanwhile was missed. The browser retries a dropped connection by itself; when it
// gives up (the stream answered an error), we reopen it with a growing delay.

export type BoardStreamState = 'connecting' | 'live' | 'reconnecting' | 'off';

export function useBoardStream(operationId: string, onChange: () => void): BoardStreamState {
  const [state, setState] = useState<BoardStreamState>('connecting');
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setState('off');
      return;
    }
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let opened = false;
    const open = () => {
      source = new EventSource(operationsApi.streamUrl(operationId), { withCredentials: true });
      source.onopen = () => {
        failures = 0;
        setState('live');
        if (opened) latest.current();
        opened = true;
      };
      source.addEventListener('clue', () => latest.current());
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
  }, [operationId]);
  return state;
}
