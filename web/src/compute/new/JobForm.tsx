import { Alert, Box, Button, Grid, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSubmitJob } from '../../api/job-queries.js';
import type { Executor } from '../../api/job-types.js';
import { jobHref, paths } from '../../app/routes.js';
import { ErrorState } from '../../components/ErrorState.js';
import { type JobFormValues, specFromValues } from './job-form-model.js';
import { jobFormRules } from './job-form-rules.js';
import { MoreOptionsSection } from './MoreOptionsSection.js';
import { ResourcesSection } from './ResourcesSection.js';
import { presetOf } from './resource-presets.js';
import { SpecPreview } from './SpecPreview.js';
import { showServerProblems } from './server-problems.js';
import { WhatToRunSection } from './WhatToRunSection.js';

const resourceFields = ['cpus', 'memoryGb', 'timeHours', 'timeMinutes'] as const;

function useJobForm(initialValues: JobFormValues) {
  const form = useForm<JobFormValues>({
    initialValues,
    validateInputOnChange: true,
    validate: jobFormRules,
    onValuesChange: (values, previous) => {
      const resized = resourceFields.some((field) => values[field] !== previous[field]);
      // Typing a number of one's own turns the preset into Custom (or back into the preset it matches).
      if (resized && values.preset === previous.preset) form.setFieldValue('preset', presetOf(values));
      // Partitions belong to one executor.
      if (values.executor !== previous.executor && values.partition) form.setFieldValue('partition', '');
      // The time limit is one rule over two boxes: a change to either checks both.
      if (values.timeMinutes !== previous.timeMinutes && form.isTouched('timeMinutes'))
        form.validateField('timeHours');
    },
  });
  return form;
}

/** Props of {@link JobForm}. */
export interface JobFormProps {
  initialValues: JobFormValues;
  executors: Executor[];
}

/** The new-job form: what to run, resources, more options; the spec it sends is previewed beside it. */
export function JobForm({ initialValues, executors }: JobFormProps) {
  const form = useJobForm(initialValues);
  const submit = useSubmitJob();
  const navigate = useNavigate();
  const [placed, setPlaced] = useState(false);
  const executor = executors.find((e) => e.name === form.values.executor);
  const spec = specFromValues(form.values, executor);
  const onSubmit = form.onSubmit(
    (values) =>
      submit.mutate(specFromValues(values, executor), {
        onSuccess: (job) => navigate(jobHref(job.id)),
        onError: (error) => setPlaced(showServerProblems(error, form.setFieldError)),
      }),
    // Keyboard users land on the first field that needs them.
    () => requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
  );
  return (
    <form onSubmit={onSubmit} noValidate data-testid="job-form">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <WhatToRunSection form={form} executor={executor} executors={executors} />
            <ResourcesSection form={form} executor={executor} />
            <MoreOptionsSection form={form} executor={executor} />
            {submit.isError &&
              (placed ? (
                <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} role="alert">
                  The job was not submitted: the marked fields need a change.
                </Alert>
              ) : (
                <ErrorState title="The job was not submitted" error={submit.error} />
              ))}
            <Group justify="flex-end" gap="sm">
              <Button component={Link} to={paths.compute} variant="default">
                Cancel
              </Button>
              <Button type="submit" loading={submit.isPending}>
                Submit job
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Box style={{ position: 'sticky', top: 84 }}>
            <SpecPreview spec={spec} complete={form.isValid()} />
          </Box>
        </Grid.Col>
      </Grid>
    </form>
  );
}
