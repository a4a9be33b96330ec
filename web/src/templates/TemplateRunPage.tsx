import { Alert, Box, Button, Card, Grid, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconEye, IconRocket } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error.js';
import { paths, taskHref } from '../app/routes.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { DryRunView } from './DryRunView.js';
import { pageProblems } from './page-problems.js';
import { SchemaForm } from './SchemaForm.js';
import { TemplateAside } from './TemplateAside.js';
import { useCreateTask, useDryRun, useTemplate } from './template-queries.js';
import type { ParameterPage, TemplateDetail } from './template-types.js';
import { createLabel, ValuesTable } from './ValuesTable.js';

/** The page of the form that holds a field, so a server problem can take the person there. */
function pageOf(pages: ParameterPage[], field: string): number {
  const key = field.split('.')[0] ?? field;
  const index = pages.findIndex((p) => Object.hasOwn((p.properties ?? {}) as object, key));
  return Math.max(index, 0);
}

/** Choose → form → dry run → create: one template's multi-step form, its preview, and the run. */
export function TemplateRunPage() {
  const { namespace = 'default', name = '' } = useParams();
  const template = useTemplate(namespace, name);
  if (template.isError) {
    return (
      <Box>
        <PageHeader title="Template" trail={[{ label: 'Templates', href: paths.templates }]} />
        <ErrorState
          title="Could not load this template"
          error={template.error}
          onRetry={() => template.refetch()}
        />
      </Box>
    );
  }
  if (template.isPending) {
    return (
      <Box>
        <PageHeader title="Template" trail={[{ label: 'Templates', href: paths.templates }]} />
        <LoadingSkeleton variant="form" rows={5} />
      </Box>
    );
  }
  return <TemplateRun template={template.data} />;
}

function TemplateRun({ template }: { template: TemplateDetail }) {
  const pages = template.parameters as ParameterPage[];
  const [params, setParams] = useSearchParams();
  const step = Math.min(Math.max(Number(params.get('step') ?? 0) || 0, 0), pages.length);
  const setStep = (next: number) =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      if (next > 0) out.set('step', String(next));
      else out.delete('step');
      return out;
    });
  // The answers survive a reload or a look at another page in this tab, not beyond it.
  const storageKey = `plinth.template-form.${template.ref}`;
  const [values, setValues] = useState<Record<string, unknown>>(() => {
    try {
      return JSON.parse(sessionStorage.getItem(storageKey) ?? '{}') as Record<string, unknown>;
    } catch {
      return {};
    }
  });
  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(values));
  }, [storageKey, values]);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const dryRun = useDryRun(template.namespace, template.name);
  const create = useCreateTask();
  const navigate = useNavigate();

  const touch = (field: string) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
  const next = () => {
    if (Object.keys(pageProblems(pages[step] ?? {}, values)).length > 0) {
      setShowAll(true);
      return;
    }
    setShowAll(false);
    setStep(step + 1);
  };
  const onServerProblems = (error: unknown) => {
    if (
      error instanceof ApiError &&
      error.code === 'TEMPLATE_PARAMETERS_INVALID' &&
      error.fieldProblems.length
    ) {
      setServerErrors(Object.fromEntries(error.fieldProblems.map((p) => [p.field, p.message])));
      setShowAll(true);
      setStep(pageOf(pages, error.fieldProblems[0]?.field ?? ''));
      return true;
    }
    return false;
  };
  const preview = () => dryRun.mutate(values, { onError: onServerProblems });
  const run = () =>
    create.mutate(
      { templateRef: template.ref, parameters: values },
      {
        onSuccess: (task) => {
          sessionStorage.removeItem(storageKey);
          navigate(taskHref(task.id));
        },
        onError: onServerProblems,
      },
    );
  const onReview = step === pages.length;

  return (
    <Box>
      <PageHeader
        title={template.title}
        trail={[{ label: 'Templates', href: paths.templates }]}
        description={template.description}
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stepper
            active={step}
            onStepClick={(i) => i < step && setStep(i)}
            size="sm"
            mb="lg"
            allowNextStepsSelect={false}
          >
            {pages.map((page, i) => (
              <Stepper.Step
                key={String(page.title ?? i)}
                label={String(page.title ?? `Step ${i + 1}`)}
                description={i === step ? 'Now' : undefined}
              />
            ))}
            <Stepper.Step label="Review" description="Preview and create" />
          </Stepper>
          {!onReview ? (
            <Card>
              {typeof pages[step]?.description === 'string' && (
                <Text size="sm" c="dimmed" mb="md">
                  {String(pages[step]?.description)}
                </Text>
              )}
              <SchemaForm
                key={step}
                page={pages[step] ?? {}}
                values={values}
                onChange={(v) => {
                  setValues(v);
                  setServerErrors({});
                }}
                touched={touched}
                onTouch={touch}
                showAll={showAll}
                serverErrors={serverErrors}
              />
              <Group justify="space-between" mt="xl">
                <Button
                  variant="default"
                  leftSection={<IconArrowLeft size={16} />}
                  disabled={step === 0}
                  onClick={() => setStep(step - 1)}
                >
                  Back
                </Button>
                <Button rightSection={<IconArrowRight size={16} />} onClick={next}>
                  {step === pages.length - 1 ? 'Review' : 'Next'}
                </Button>
              </Group>
            </Card>
          ) : (
            <Stack gap="lg">
              <Card>
                <Title order={2} size="h4" mb="sm">
                  Your answers
                </Title>
                <ValuesTable template={template} values={values} />
                <Group justify="space-between" mt="lg" wrap="wrap">
                  <Button
                    variant="default"
                    leftSection={<IconArrowLeft size={16} />}
                    onClick={() => setStep(step - 1)}
                  >
                    Back
                  </Button>
                  <Group gap="sm">
                    <Button
                      variant="default"
                      leftSection={<IconEye size={16} />}
                      loading={dryRun.isPending}
                      onClick={preview}
                    >
                      Preview files (dry run)
                    </Button>
                    <Button leftSection={<IconRocket size={16} />} loading={create.isPending} onClick={run}>
                      {createLabel(template.type)}
                    </Button>
                  </Group>
                </Group>
              </Card>
              {create.isError &&
                !(
                  create.error instanceof ApiError && create.error.code === 'TEMPLATE_PARAMETERS_INVALID'
                ) && <ErrorState title="Could not start the task" error={create.error} onRetry={run} />}
              {dryRun.isError &&
                !(
                  dryRun.error instanceof ApiError && dryRun.error.code === 'TEMPLATE_PARAMETERS_INVALID'
                ) && <ErrorState title="The dry run failed" error={dryRun.error} onRetry={preview} />}
              {dryRun.data ? (
                <DryRunView result={dryRun.data} />
              ) : (
                !dryRun.isError && (
                  <Alert variant="light" color="gray" title="Look before you create">
                    “Preview files” renders the template with your answers and shows every file and the result
                    of each policy check. Nothing is created until you press “{createLabel(template.type)}”.
                  </Alert>
                )
              )}
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <TemplateAside template={template} />
        </Grid.Col>
      </Grid>
    </Box>
  );
}
