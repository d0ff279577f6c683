import { useMemo } from 'react';
import { intelApi, type IntelList } from '../../api';
import { useRemote, type Remote } from '../../hooks/useRemote';

export interface IntelLists extends Remote<IntelList[]> {
  byName: ReadonlyMap<string, IntelList>;
}

/** The intelligence lists (all of them; there are tens, not thousands), with a lookup by name. */
export function useIntelLists(): IntelLists {
  const remote = useRemote((signal) => intelApi.lists(signal).then((body) => body.items), []);
  const byName = useMemo(() => new Map((remote.data ?? []).map((list) => [list.name, list])), [remote.data]);
  return { ...remote, byName };
}
