import { operationsApi } from '../../api';
import { useEventSource, type StreamState } from '../../hooks/useEventSource';

// The 集中收网 board's live feed: /api/v1/operations/{id}/stream. Each `clue` event (a step of one of
// the operation's clues) calls `onChange`; so does every reopening after a drop.

export type BoardStreamState = StreamState;

export function useBoardStream(operationId: string, onChange: () => void): BoardStreamState {
  return useEventSource(operationsApi.streamUrl(operationId), {
    events: { clue: onChange },
    onReopen: onChange,
  });
}
