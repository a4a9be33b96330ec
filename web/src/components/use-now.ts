import { useEffect, useState } from 'react';

/**
 * The current time in ms, renewed every `intervalMs` while `enabled`: for durations that grow
 * on screen (a running job). Costs nothing when disabled.
 * @example const now = useNow(1000, job.state === 'running');
 */
export function useNow(intervalMs: number, enabled = true): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
}
