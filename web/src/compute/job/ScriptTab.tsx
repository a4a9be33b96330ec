import { IconFileOff } from '@tabler/icons-react';
import type { JobDetail } from '../../api/job-types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { CodeCard } from './CodeCard.js';

/** The script the executor runs, generated from the spec: what the job really does. */
export function ScriptTab({ job }: { job: JobDetail }) {
  if (!job.script) {
    return (
      <EmptyState icon={<IconFileOff size={28} />} title="No script to show">
        The {job.executor} executor did not say what script it runs for this job. The Spec tab shows what was
        asked.
      </EmptyState>
    );
  }
  return (
    <CodeCard
      copyLabel="script"
      caption={`Script the ${job.executor} executor runs`}
      text={job.script}
      testId="job-script"
    />
  );
}
