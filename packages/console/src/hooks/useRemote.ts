import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../api';

// Loads data for a component: re-runs when `deps` change, cancels the previous request, and keeps the
// last data while a new request runs so tables do not flash empty between pages.

export interface Remote<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useRemote<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Remote<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    load(controller.signal).then(
      (result) => {
        setData(result);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (isAbort(reason)) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `load` is recreated on every render; `deps` say when it really changes.
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { data, error, loading, reload };
}
