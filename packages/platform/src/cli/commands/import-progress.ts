/**
 * Progress of `fanzha import` on stderr: a bar on a terminal (the file read, then the rows written),
 * otherwise a line every few seconds and at each change of phase, so that logs of long imports show
 * they are moving.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { ImportProgress } from '../../modules/intel/index.js';

const LINE_EVERY_MS = 5_000;

export interface ImportProgressView {
  update(progress: ImportProgress): void;
  stop(): void;
}

const count = (n: number) => n.toLocaleString('en');

function describe(progress: ImportProgress): string {
  if (progress.phase === 'writing') {
    return `writing ${count(progress.written)} of ${count(progress.rowsRead)} rows into the list`;
  }
  const share = progress.totalBytes
    ? ` ${Math.floor((progress.bytesRead / progress.totalBytes) * 100)}%,`
    : '';
  return `reading${share} ${count(progress.rowsRead)} rows, ${count(progress.errorCount)} bad`;
}

export function importProgressView(options: {
  quiet: boolean;
  totalBytes: number | null;
  stream?: NodeJS.WriteStream;
}): ImportProgressView {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { update: () => undefined, stop: () => undefined };
  if (!stream.isTTY) {
    let last = 0;
    let phase: ImportProgress['phase'] | null = null;
    return {
      update(progress) {
        const now = Date.now();
        if (progress.phase === phase && now - last < LINE_EVERY_MS) return;
        phase = progress.phase;
        last = now;
        stream.write(`import: ${describe(progress)}\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar(
    { format: 'import [{bar}] {percentage}% | {status}', stream, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(options.totalBytes ?? 1, 0, { status: 'reading' });
  let writing = false;
  return {
    update(progress) {
      if (progress.phase === 'writing' && !writing) {
        writing = true;
        bar.setTotal(Math.max(1, progress.rowsRead));
      }
      const value = writing ? progress.written : options.totalBytes ? progress.bytesRead : 0;
      bar.update(value, { status: describe(progress) });
    },
    stop: () => bar.stop(),
  };
}
