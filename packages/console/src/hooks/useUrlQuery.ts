import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

// Keeps a table's paging, sorting and filters in the address bar, so a reload, the back button or a
// shared link shows the same rows.

type Scalar = string | number | undefined;

export function useUrlQuery<T extends Record<string, Scalar>>(
  parse: (params: URLSearchParams) => T,
): [T, (patch: Partial<T>) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params), [params, parse]);
  const update = useCallback(
    (patch: Partial<T>) =>
      setParams(
        (previous) => {
          const merged: Record<string, Scalar> = { ...parse(previous), ...patch };
          const next = new URLSearchParams();
          for (const [key, value] of Object.entries(merged)) {
            if (value !== undefined && value !== '') next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams, parse],
  );
  return [query, update];
}

export function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

export function text(value: string | null): string | undefined {
  return value === null || value === '' ? undefined : value;
}
