import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { unitsApi, type Unit } from '../api';
import { useRemote } from '../hooks/useRemote';
import { buildUnitTree, type UnitNode } from './unitTree';

// The caller's subtree, loaded once per session and shared by the pages that show or pick units.

export interface UnitsValue {
  units: Unit[] | undefined;
  tree: UnitNode[];
  byCode: ReadonlyMap<string, Unit>;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

const UnitsContext = createContext<UnitsValue | null>(null);

export function UnitsProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const remote = useRemote((signal) => unitsApi.list(signal).then((body) => body.items), [userId]);
  const value = useMemo<UnitsValue>(() => {
    const units = remote.data;
    return {
      units,
      tree: units ? buildUnitTree(units) : [],
      byCode: new Map((units ?? []).map((unit) => [unit.code, unit])),
      loading: remote.loading,
      error: remote.error,
      reload: remote.reload,
    };
  }, [remote.data, remote.loading, remote.error, remote.reload]);
  return <UnitsContext value={value}>{children}</UnitsContext>;
}

export function useUnits(): UnitsValue {
  const value = useContext(UnitsContext);
  if (!value) throw new Error('useUnits() must be used inside <UnitsProvider>');
  return value;
}
