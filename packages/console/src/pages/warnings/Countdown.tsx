import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { useT } from '../../i18n';
import { deadlineState } from './deadline';

/** The current time, refreshed every second while the component is shown. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** 剩余 4:05 until the first-contact deadline, or 超时 2:03 in red once it has passed. */
export function Countdown({ deadlineAt, now }: { deadlineAt: string; now: number }) {
  const t = useT();
  const { overdue, text } = deadlineState(deadlineAt, now);
  return (
    <Typography.Text
      type={overdue ? 'danger' : undefined}
      strong={overdue}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {t(overdue ? 'warnings.overdueBy' : 'warnings.timeLeft', { time: text })}
    </Typography.Text>
  );
}
