import { useEffect, useState } from 'react';
import { apiUrl } from '../api/client.js';
import type { Task, TaskLogLine } from './template-types.js';

/** Where the live task stands: opening, receiving, done, or trying to get back. */
export type StreamStatus = 'connecting' | 'following' | 'ended' | 'reconnecting' | 'failed';

const MAX_FAILURES = 6;
// A long task's log is cut at its start past this many lines, so the page stays light.
const MAX_LINES = 5_000;

/**
 * Follows a task over the server-sent events of `/api/tasks/:id/logs/stream`: `task` events
 * (steps, checks, outputs) go to `onTask`, log lines accumulate. A dropped connection resumes
 * after the last line it had, so no line shows twice. `attempt` changes start over (re-run).
 */
export function useTaskStream(id: string, onTask: (task: Task) => void, attempt: number) {
  const [lines, setLines] = useState<TaskLogLine[]>([]);
  const [status, setStatus] = useState<StreamStatus>('connecting');

  // biome-ignore lint/correctness/useExhaustiveDependencies: onTask is read through the closure of each event
  useEffect(() => {
    let source: EventSource | null = null;
    let after = 0;
    let failures = 0;
    let done = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    setLines([]);
    setStatus('connecting');
    const open = () => {
      const events = new EventSource(apiUrl(`/tasks/${encodeURIComponent(id)}/logs/stream`, { after }));
      source = events;
      events.addEventListener('open', () => {
        failures = 0;
        setStatus('following');
      });
      events.addEventListener('task', (e) => onTask(JSON.parse((e as MessageEvent<string>).data) as Task));
      events.addEventListener('log', (e) => {
        const fresh = (JSON.parse((e as MessageEvent<string>).data) as TaskLogLine[]).filter(
          (l) => l.seq > after,
        );
        if (fresh.length === 0) return;
        after = fresh[fresh.length - 1]?.seq ?? after;
        setLines((old) => [...old, ...fresh].slice(-MAX_LINES));
      });
      events.addEventListener('end', () => {
        done = true;
        events.close();
        setStatus('ended');
      });
      events.addEventListener('error', () => {
        if (done) return;
        events.close();
        failures += 1;
        if (failures > MAX_FAILURES) {
          setStatus('failed');
          return;
        }
        setStatus('reconnecting');
        retry = setTimeout(open, Math.min(15_000, 500 * 2 ** failures));
      });
    };
    open();
    return () => {
      done = true;
      source?.close();
      clearTimeout(retry);
    };
  }, [id, attempt]);

  return { lines, status };
}
