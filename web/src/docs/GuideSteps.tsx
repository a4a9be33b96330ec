import {
  Anchor,
  Badge,
  Box,
  Card,
  Checkbox,
  Group,
  Progress,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCheck, IconLifebuoy, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { paths } from '../app/routes.js';
import { ErrorState } from '../components/ErrorState.js';
import { openRequestForm } from '../requests/request-form-store.js';
import { DocContent } from './DocContent.js';
import { useTickStep } from './docs-queries.js';
import type { DocsPageData } from './docs-types.js';

/** How far the reader is, and how many people finished the guide. */
function GuideProgressBar({ page }: { page: DocsPageData }) {
  const progress = page.progress;
  if (!progress) return null;
  const value = progress.steps ? (progress.done.length / progress.steps) * 100 : 0;
  return (
    <Card mb="lg" p="md" data-testid="guide-progress">
      <Group justify="space-between" mb={8} wrap="wrap" gap="xs">
        <Text fw={600} size="sm">
          {progress.completed
            ? 'You completed this guide'
            : `${progress.done.length} of ${progress.steps} steps done`}
        </Text>
        <Group gap={6}>
          <IconUsers size={16} aria-hidden />
          <Text size="sm" c="dimmed">
            {progress.completedBy === 1
              ? '1 person completed it'
              : `${progress.completedBy} people completed it`}
          </Text>
        </Group>
      </Group>
      <Progress
        value={value}
        color={progress.completed ? 'teal' : undefined}
        aria-label={`Guide progress: ${Math.round(value)}%`}
        size="md"
        radius="xl"
      />
    </Card>
  );
}

/** Opens the request form with this guide step attached; a plain link where scripts are off. */
function AskForHelp({ path, step, title }: { path: string; step: string; title: string }) {
  const from = `/docs/${path}#${step}`;
  const href = `${paths.newRequest}?from=${encodeURIComponent(from)}&step=${encodeURIComponent(`${path}#${step}`)}`;
  return (
    <Group justify="flex-end" mt="sm">
      <Anchor
        href={href}
        size="sm"
        c="dimmed"
        data-testid={`ask-${step}`}
        onClick={(event) => {
          event.preventDefault();
          openRequestForm({ path: from, step: `${path}#${step}` }, `Help with the guide step “${title}”`);
        }}
      >
        <Group gap={4} component="span">
          <IconLifebuoy size={14} /> Ask for help on this step
        </Group>
      </Anchor>
    </Group>
  );
}

/**
 * A guide as a stepper: each second-level section is a step with its own "Done" box, ticked per
 * person and kept on the server, so progress survives a reload or another device.
 */
export function GuideSteps({ page, path }: { page: DocsPageData; path: string }) {
  const tick = useTickStep(path);
  // A tick shows at once, whatever the server's answer time; the answer then confirms or undoes it.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const done = new Set(page.progress?.done ?? []);
  for (const [step, value] of Object.entries(pending)) {
    if (value) done.add(step);
    else done.delete(step);
  }
  const shown: DocsPageData = page.progress
    ? { ...page, progress: { ...page.progress, done: [...done] } }
    : page;
  const setTick = (step: string, value: boolean) => {
    setPending((current) => ({ ...current, [step]: value }));
    // Each call settles on its own (mutate's per-call callbacks only follow the latest call).
    tick
      .mutateAsync({ step, done: value })
      .catch(() => undefined)
      .finally(() =>
        setPending((current) => {
          const { [step]: _settled, ...rest } = current;
          return rest;
        }),
      );
  };
  const [intro, ...steps] = page.sections;
  return (
    <Box>
      <GuideProgressBar page={shown} />
      {intro?.html && <DocContent html={intro.html} hasMermaid={page.hasMermaid} />}
      {tick.isError && (
        <ErrorState title="Could not save your progress" error={tick.error} onRetry={() => tick.reset()} />
      )}
      <Stack gap="md" mt="lg" component="ol" className="guide-steps" aria-label="Steps">
        {steps.map((step, index) => {
          const id = step.id ?? `step-${index}`;
          const isDone = done.has(id);
          return (
            <Card
              component="li"
              key={id}
              p="lg"
              className="guide-step"
              data-done={isDone || undefined}
              data-testid={`step-${id}`}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md" mb="sm">
                <Group gap="sm" wrap="nowrap" align="center">
                  <ThemeIcon
                    radius="xl"
                    size={30}
                    variant={isDone ? 'filled' : 'light'}
                    color={isDone ? 'teal' : undefined}
                    aria-hidden
                  >
                    {isDone ? (
                      <IconCheck size={18} />
                    ) : (
                      <Text fw={700} size="sm">
                        {index + 1}
                      </Text>
                    )}
                  </ThemeIcon>
                  <Title order={2} size="h4" id={id} className="guide-step-title">
                    {step.title}
                  </Title>
                  {isDone && (
                    <Badge color="teal" variant="light" size="sm">
                      Done
                    </Badge>
                  )}
                </Group>
                <Checkbox
                  label="Done"
                  checked={isDone}
                  onChange={(event) => setTick(id, event.currentTarget.checked)}
                  aria-label={`Step ${index + 1} done: ${step.title ?? ''}`}
                  data-testid={`tick-${id}`}
                />
              </Group>
              <DocContent
                html={step.html.replace(/^<h2[^>]*>[\s\S]*?<\/h2>\s*/, '')}
                hasMermaid={page.hasMermaid}
              />
              <AskForHelp path={path} step={id} title={step.title ?? ''} />
            </Card>
          );
        })}
      </Stack>
    </Box>
  );
}
