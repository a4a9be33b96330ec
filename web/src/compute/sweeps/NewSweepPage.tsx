import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Code,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { stringify } from 'yaml';
import { useExecutors } from '../../api/job-queries.js';
import { useStartSweep } from '../../api/sweep-queries.js';
import { paths, sweepHref } from '../../app/routes.js';
import { applyFieldProblems } from '../../components/apply-field-problems.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingSkeleton } from '../../components/LoadingSkeleton.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ClosedExecutors } from '../ClosedExecutors.js';
import { FormSection } from '../new/FormSection.js';
import {
  emptySweepValues,
  formFieldOf,
  paramRow,
  type SweepFormValues,
  specFromValues,
  sweepFormRules,
} from './sweep-form-model.js';

const trail = [{ label: 'Compute', href: paths.compute }];

function useSweepForm() {
  return useForm<SweepFormValues>({
    initialValues: emptySweepValues(''),
    validateInputOnChange: true,
    validate: sweepFormRules,
  });
}

function ParameterRows({ form }: { form: ReturnType<typeof useSweepForm> }) {
  return (
    <Stack gap="sm">
      {form.values.parameters.map((row, i) => (
        <Card key={row.key} withBorder p="sm" data-testid={`parameter-${i}`}>
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              label="Name"
              placeholder="learning_rate"
              style={{ flex: 1 }}
              {...form.getInputProps(`parameters.${i}.name`)}
            />
            <Select
              label="Type"
              w={150}
              data={[
                { value: 'float', label: 'Number' },
                { value: 'int', label: 'Whole number' },
                { value: 'categorical', label: 'Choice' },
              ]}
              allowDeselect={false}
              {...form.getInputProps(`parameters.${i}.type`)}
            />
            <Tooltip label="Remove this parameter">
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={`Remove parameter ${row.name || i + 1}`}
                disabled={form.values.parameters.length === 1}
                onClick={() => form.removeListItem('parameters', i)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
          {row.type === 'categorical' ? (
            <TextInput
              mt="xs"
              label="Values"
              placeholder="adam, sgd, rmsprop"
              description="Separated by commas"
              {...form.getInputProps(`parameters.${i}.values`)}
            />
          ) : (
            <Group mt="xs" gap="xs" grow align="flex-start">
              <NumberInput label="Min" {...form.getInputProps(`parameters.${i}.min`)} />
              <NumberInput label="Max" {...form.getInputProps(`parameters.${i}.max`)} />
              <Select
                label="Scale"
                data={[
                  { value: 'linear', label: 'Linear' },
                  { value: 'log', label: 'Log' },
                ]}
                allowDeselect={false}
                {...form.getInputProps(`parameters.${i}.scale`)}
              />
              {form.values.algorithm === 'grid' && (
                <NumberInput label="Steps" min={2} {...form.getInputProps(`parameters.${i}.steps`)} />
              )}
            </Group>
          )}
        </Card>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('parameters', paramRow())}
        >
          Add parameter
        </Button>
      </Group>
    </Stack>
  );
}

/** The new-sweep form: what each trial runs, the space, the objective, how to search; the file beside it. */
export function NewSweepPage() {
  const executors = useExecutors();
  const start = useStartSweep();
  const navigate = useNavigate();
  const [placed, setPlaced] = useState(false);
  const fallback = executors.data?.items.find((e) => e.default)?.name ?? executors.data?.items[0]?.name ?? '';
  const form = useSweepForm();
  const header = (
    <PageHeader
      title="Start a sweep"
      trail={trail}
      description="Run one job many times with other parameters and keep the best. Trials get their parameters as PLINTH_PARAM_<NAME> and report by printing PLINTH_METRIC <metric>=<value>."
    />
  );
  if (executors.isPending) {
    return (
      <>
        {header}
        <LoadingSkeleton rows={8} />
      </>
    );
  }
  if (executors.isError) {
    return (
      <>
        {header}
        <ErrorState
          title="Could not load the executors"
          error={executors.error}
          onRetry={() => executors.refetch()}
        />
      </>
    );
  }
  const values = { ...form.values, executor: form.values.executor || fallback };
  const spec = specFromValues(values);
  const onSubmit = form.onSubmit(
    () =>
      start.mutate(spec, {
        onSuccess: (sweep) => navigate(sweepHref(sweep.id)),
        onError: (error) =>
          setPlaced(
            applyFieldProblems(error, Object.keys(form.values), form.setFieldError, formFieldOf) ||
              placeParam(error),
          ),
      }),
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) document.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus();
    },
  );
  // Parameter fields are nested (parameters.0.max): their errors go to them directly.
  function placeParam(error: unknown): boolean {
    const problems = (error as { fieldProblems?: { field: string; message: string }[] }).fieldProblems ?? [];
    let any = false;
    for (const p of problems) {
      const field = formFieldOf(p.field);
      if (field?.startsWith('parameters.')) {
        form.setFieldError(field, p.message);
        any = true;
      }
    }
    return any;
  }
  const yaml = stringify(spec);
  return (
    <>
      {header}
      <ClosedExecutors closed={executors.data?.closed ?? []} />
      <form onSubmit={onSubmit} noValidate>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <FormSection
                title="What each trial runs"
                description="A command, as you would type it; each trial is a job of yours."
              >
                <TextInput
                  label="Sweep name"
                  placeholder="tune-pi"
                  required
                  {...form.getInputProps('name')}
                />
                <TextInput
                  label="Command"
                  placeholder="python3 train.py"
                  required
                  ff="monospace"
                  {...form.getInputProps('command')}
                />
                <Select
                  label="Executor"
                  data={executors.data.items.map((e) => ({
                    value: e.name,
                    label: e.default ? `${e.name} (default)` : e.name,
                  }))}
                  allowDeselect={false}
                  value={values.executor}
                  onChange={(value) => form.setFieldValue('executor', value ?? '')}
                />
              </FormSection>
              <FormSection
                title="Parameters"
                description="The space to search: ranges (on a linear or log scale) and choices."
              >
                <ParameterRows form={form} />
              </FormSection>
              <FormSection
                title="Objective and search"
                description="What the trials report, whether lower or higher is better, and how to pick the next trial."
              >
                <Group align="flex-start" grow>
                  <TextInput label="Metric" placeholder="loss" required {...form.getInputProps('metric')} />
                  <div>
                    <Text size="sm" fw={500} mb={4}>
                      Better is
                    </Text>
                    <SegmentedControl
                      fullWidth
                      data={[
                        { value: 'minimize', label: 'Lower' },
                        { value: 'maximize', label: 'Higher' },
                      ]}
                      {...form.getInputProps('goal')}
                    />
                  </div>
                </Group>
                <Select
                  label="Search"
                  description="TPE learns from the trials so far; grid tries every combination; random draws evenly."
                  data={[
                    { value: 'tpe', label: 'TPE (model-based)' },
                    { value: 'random', label: 'Random' },
                    { value: 'grid', label: 'Grid' },
                  ]}
                  allowDeselect={false}
                  {...form.getInputProps('algorithm')}
                />
                <Group grow align="flex-start">
                  <NumberInput
                    label="Trials at most"
                    min={1}
                    max={10000}
                    {...form.getInputProps('maxTrials')}
                  />
                  <NumberInput label="At once" min={1} max={1000} {...form.getInputProps('parallelism')} />
                  <NumberInput
                    label="Seed"
                    description="Optional: same seed, same trials"
                    min={0}
                    {...form.getInputProps('seed')}
                  />
                </Group>
                <Checkbox
                  label="Stop hopeless trials early (median rule)"
                  description="A trial worse than the median of the finished ones at the same step is stopped."
                  {...form.getInputProps('earlyStopping', { type: 'checkbox' })}
                />
                {form.values.earlyStopping && (
                  <NumberInput
                    label="Finished trials needed first"
                    min={1}
                    w={220}
                    {...form.getInputProps('minTrials')}
                  />
                )}
              </FormSection>
              {start.isError && !placed && (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertTriangle size={18} />}
                  data-testid="sweep-error"
                >
                  {(start.error as Error).message}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={start.isPending}>
                  Start sweep
                </Button>
                <Button component={Link} to={paths.compute} variant="default">
                  Cancel
                </Button>
              </Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <FormSection
              title="As a sweep file"
              description="The same sweep from a terminal: save it as sweep.yaml, then plinth sweep run sweep.yaml --wait."
            >
              <Group justify="flex-end">
                <CopyButton value={yaml} label="the sweep file" />
              </Group>
              <Code block data-testid="sweep-yaml">
                {yaml}
              </Code>
            </FormSection>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}
