import type { JobDetail } from '../../api/job-types.js';
import { CopyCliButton } from '../new/SpecPreview.js';
import { CodeCard } from './CodeCard.js';

/** The job spec as submitted (JSON), to copy into a job file or the API, or as a CLI command. */
export function SpecTab({ job }: { job: JobDetail }) {
  return (
    <CodeCard
      copyLabel="spec"
      caption="Job spec, as POST /api/jobs takes it"
      text={JSON.stringify(job.spec, null, 2)}
      actions={<CopyCliButton spec={job.spec} />}
      testId="job-spec"
    />
  );
}
