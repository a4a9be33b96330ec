import { Button } from '@mantine/core';
import { IconPlayerStop, IconRepeat } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { isActiveState } from '../../api/job-activity.js';
import { useCancelJob, useExecutors } from '../../api/job-queries.js';
import type { JobDetail } from '../../api/job-types.js';
import { newJobHref } from '../../app/routes.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';

function CancelJob({ job }: { job: JobDetail }) {
  const [asking, setAsking] = useState(false);
  const cancel = useCancelJob();
  const close = () => {
    setAsking(false);
    cancel.reset();
  };
  return (
    <>
      <Button
        color="red"
        variant="light"
        leftSection={<IconPlayerStop size={16} />}
        onClick={() => setAsking(true)}
      >
        Cancel job
      </Button>
      <ConfirmDialog
        opened={asking}
        title={`Cancel ${job.name}?`}
        confirmLabel="Cancel job"
        dismissLabel={job.state === 'running' ? 'Keep it running' : 'Keep it'}
        onConfirm={() => cancel.mutate(job.id, { onSuccess: close })}
        onClose={close}
        busy={cancel.isPending}
        error={cancel.error}
      >
        {job.state === 'running'
          ? 'The job is stopped now, with everything it started. What it wrote so far stays in its log. A cancelled job cannot go on; Resubmit starts it again from the beginning.'
          : 'The job leaves the queue before it starts. Resubmit puts it back later.'}
      </ConfirmDialog>
    </>
  );
}

/** The job's actions: Resubmit (the form, prefilled) and, while it may still run, Cancel. */
export function JobActions({ job }: { job: JobDetail }) {
  const executors = useExecutors();
  const executor = executors.data?.items.find((e) => e.name === job.executor);
  // An executor that cannot cancel (or is no longer offered) gets no button that would only fail.
  const cancellable = executors.isPending || (executor?.capabilities.cancel ?? false);
  const canCancel = isActiveState(job.state) && cancellable;
  return (
    <>
      <Button
        component={Link}
        to={newJobHref(job.id)}
        variant="default"
        leftSection={<IconRepeat size={16} />}
      >
        Resubmit
      </Button>
      {canCancel && <CancelJob job={job} />}
    </>
  );
}
