import { useCallback, useEffect, useRef, useState } from 'react';
import { importsApi, isAbort, type ImportFormat, type ImportJob } from '../../../api';

// One import as the page follows it: the upload (bytes sent, from XMLHttpRequest), then the
// platform's processing (the job, polled every 500 ms) until it succeeds or fails.

export const POLL_INTERVAL_MS = 500;

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'uploading'; loaded: number; total: number | null }
  | { phase: 'processing'; job: ImportJob }
  | { phase: 'finished'; job: ImportJob }
  | { phase: 'error'; error: unknown };

export interface ImportRequest {
  list: string;
  format: ImportFormat;
  file: File;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('stopped', 'AbortError'));
      },
      { once: true },
    );
  });

/** `onChange` runs when a job is accepted and when it ends, so lists of jobs and counts can refresh. */
export function useImport(onChange?: (job: ImportJob) => void) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async ({ list, format, file }: ImportRequest) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    const { signal } = current;
    setState({ phase: 'uploading', loaded: 0, total: file.size });
    try {
      let job = await importsApi.start(
        list,
        format,
        file,
        ({ loaded, total }) => setState({ phase: 'uploading', loaded, total: total ?? file.size }),
        signal,
      );
      changed.current?.(job);
      while (job.status === 'running') {
        setState({ phase: 'processing', job });
        await sleep(POLL_INTERVAL_MS, signal);
        job = await importsApi.get(job.id, signal);
      }
      setState({ phase: 'finished', job });
      changed.current?.(job);
    } catch (error) {
      if (isAbort(error)) return;
      setState({ phase: 'error', error });
    }
  }, []);

  const reset = useCallback(() => {
    controller.current?.abort();
    setState({ phase: 'idle' });
  }, []);

  return { state, start, reset };
}
