import { useEffect, useRef, useState } from 'react';
import { jobLogStreamUrl } from '../../api/job-queries.js';
import type { JobState, LogStream } from '../../api/job-types.js';

/** Where a followed log stands: opening, receiving, closed for good, or trying to get back. */
export type LogStatus = 'connecting' | 'following' | 'ended' | 'reconnecting' | 'failed';

/** What {@link useLogStream} holds: the text so far and how the stream is doing. */
export interface LogState {
  text: string;
  status: LogStatus;
  /** The start was dropped to keep the page light; the download still has everything. */
  truncated: boolean;
}

// Beyond this, the start of the log is dropped from the page (a browser slows down with more).
const MAX_CHARS = 2_000_000;
const MAX_FAILURES = 6;

function append(state: LogState, text: string): LogState {
  const joined = state.text + text;
  if (joined.length <= MAX_CHARS) return { ...state, text: joined, status: 'following' };
  return { ...state, text: joined.slice(joined.length - MAX_CHARS), status: 'following', truncated: true };
}

/**
 * Follows one log of a job through the server-sent events of `/logs/stream` until the job has
 * ended and everything is read. A dropped connection resumes where it stopped (its byte offset),
 * never from the start, so no line shows twice. `onState` hears each state the stream reports.
 */
export function useLogStream(
  jobId: string,
  stream: LogStream,
  task: number | undefined,
  onState: (state: JobState, explanation: string | null) => void,
  /** Changing it starts over, e.g. after the stream gave up. */
  attempt = 0,
): LogState {
  const [log, setLog] = useState<LogState>({ text: '', status: 'connecting', truncated: false });
  const onStateRef = useRef(onState);
  onStateRef.current = onState;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt opens the stream again
  useEffect(() => {
    let source: EventSource | null = null;
    let offset = 0;
    let failures = 0;
    let done = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    setLog({ text: '', status: 'connecting', truncated: false });

    const open = () => {
      const events = new EventSource(jobLogStreamUrl(jobId, { stream, task, offset }));
      source = events;
      events.addEventListener('open', () => {
        failures = 0;
        setLog((l) => ({ ...l, status: 'following' }));
      });
      events.addEventListener('log', (event) => {
        const chunk = JSON.parse((event as MessageEvent<string>).data) as {
          text: string;
          nextOffset: number;
        };
        if (chunk.nextOffset <= offset) return;
        offset = chunk.nextOffset;
        setLog((l) => append(l, chunk.text));
      });
      events.addEventListener('state', (event) => {
        const data = JSON.parse((event as MessageEvent<string>).data) as {
          state: JobState;
          explanation: string | null;
        };
        onStateRef.current(data.state, data.explanation);
      });
      events.addEventListener('end', (event) => {
        done = true;
        events.close();
        const data = JSON.parse((event as MessageEvent<string>).data) as { state: JobState };
        setLog((l) => ({ ...l, status: 'ended' }));
        onStateRef.current(data.state, null);
      });
      events.addEventListener('error', () => {
        if (done) return;
        // EventSource would start again from byte 0; reopen by hand from where the text stopped.
        events.close();
        failures += 1;
        if (failures > MAX_FAILURES) {
          setLog((l) => ({ ...l, status: 'failed' }));
          return;
        }
        setLog((l) => ({ ...l, status: 'reconnecting' }));
        retry = setTimeout(open, Math.min(15_000, 500 * 2 ** failures));
      });
    };
    open();
    return () => {
      done = true;
      source?.close();
      clearTimeout(retry);
    };
  }, [jobId, stream, task, attempt]);

  return log;
}
