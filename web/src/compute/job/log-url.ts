import { useSearchParams } from 'react-router';
import type { JobDetail, LogStream } from '../../api/job-types.js';

/** The task indices of an array range such as `0-9` or `0-9%2`; empty for a job that is no array. */
export function arrayTasks(range: string | undefined): number[] {
  const match = range ? /^(\d+)-(\d+)(?:%\d+)?$/.exec(range) : null;
  if (!match) return [];
  const [from, to] = [Number(match[1]), Number(match[2])];
  if (to < from || to - from >= 10_000) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The tasks of a job: those the executor reported, or those its range names until it has. */
export function taskIndices(job: Pick<JobDetail, 'tasks' | 'spec'>): number[] {
  return job.tasks?.map((t) => t.index) ?? arrayTasks(job.spec.array);
}

/**
 * Which log the Log tab shows, kept in the URL (`?stream=stderr&task=3`) so a link opens the
 * same log; an array job shows its first task unless told otherwise.
 */
export function useLogChoice(job: Pick<JobDetail, 'tasks' | 'spec'>) {
  const [params, setParams] = useSearchParams();
  const tasks = taskIndices(job);
  const asked = Number.parseInt(params.get('task') ?? '', 10);
  const task = tasks.length === 0 ? undefined : tasks.includes(asked) ? asked : tasks[0];
  const stream: LogStream = params.get('stream') === 'stderr' ? 'stderr' : 'stdout';
  const set = (changes: { stream?: LogStream; task?: number }) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (changes.stream) {
          if (changes.stream === 'stdout') next.delete('stream');
          else next.set('stream', changes.stream);
        }
        if (changes.task !== undefined) next.set('task', String(changes.task));
        return next;
      },
      { replace: true },
    );
  return { stream, task, tasks, set };
}
