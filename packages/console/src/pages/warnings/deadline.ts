// How long until a warning's first-contact deadline, or how long past it (unit-tested, no React).

export interface DeadlineState {
  overdue: boolean;
  /** "4:05", "1:02:03", or "2天3小时" style parts, always positive. */
  text: string;
}

function clock(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mm = String(minutes).padStart(hours > 0 ? 2 : 1, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The time left before `deadlineAt` at `now` (ms), or past it; whole seconds. */
export function deadlineState(deadlineAt: string, now: number): DeadlineState {
  const left = Date.parse(deadlineAt) - now;
  const seconds = Math.floor(Math.abs(left) / 1000);
  return { overdue: left < 0, text: clock(seconds) };
}
