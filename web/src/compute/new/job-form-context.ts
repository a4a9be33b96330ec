import type { UseFormReturnType } from '@mantine/form';
import type { Executor } from '../../api/job-types.js';
import type { JobFormValues } from './job-form-model.js';

/** What every section of the new-job form works with: the form and the chosen executor. */
export interface JobFormSectionProps {
  form: UseFormReturnType<JobFormValues>;
  executor: Executor | undefined;
}
