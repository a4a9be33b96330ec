import { Badge, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconFileCode, IconTerminal2 } from '@tabler/icons-react';
import type { Executor } from '../../api/job-types.js';
import { FormSection } from './FormSection.js';
import type { JobFormSectionProps } from './job-form-context.js';
import { splitWords } from './split-words.js';

const scriptPlaceholder = `#!/bin/bash
set -euo pipefail
module load python
python3 train.py --epochs 10`;

function CommandWords({ line }: { line: string }) {
  const split = splitWords(line);
  if (!split.ok || split.words.length === 0) return null;
  return (
    <Group gap={4} data-testid="command-words" aria-label="The words of the command">
      <Text size="xs" c="dimmed" mr={2}>
        Runs {split.words.length} {split.words.length === 1 ? 'word' : 'words'}:
      </Text>
      {split.words.map((word, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: words are identified by their place in the line
        <Badge key={i} variant="default" size="sm" tt="none" fw={500} ff="monospace" maw={360} title={word}>
          {word === '' ? '(empty)' : word}
        </Badge>
      ))}
    </Group>
  );
}

function ExecutorSelect({ form, executors }: JobFormSectionProps & { executors: Executor[] }) {
  const chosen = executors.find((e) => e.name === form.values.executor);
  return (
    <Select
      label="Executor"
      description={chosen ? chosen.description : 'Where the job runs'}
      data={executors.map((e) => ({ value: e.name, label: e.default ? `${e.name} (default)` : e.name }))}
      allowDeselect={false}
      {...form.getInputProps('executor')}
    />
  );
}

/** Name, executor, and the command or script the job runs. */
export function WhatToRunSection({
  form,
  executor,
  executors,
}: JobFormSectionProps & { executors: Executor[] }) {
  const mode = form.values.mode;
  return (
    <FormSection
      title="What to run"
      description="A name to find the job by, where it runs, and the program it starts."
    >
      <TextInput
        label="Name"
        description="Letters, digits, dots, dashes and underscores, e.g. train-alps.v2"
        placeholder="train-model"
        aria-required
        data-autofocus
        {...form.getInputProps('name')}
      />
      <ExecutorSelect form={form} executor={executor} executors={executors} />
      <Stack gap={6}>
        <Text size="sm" fw={500} id="job-mode-label">
          Run a
        </Text>
        <SegmentedControl
          aria-labelledby="job-mode-label"
          w="fit-content"
          data={[
            {
              value: 'command',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconTerminal2 size={16} aria-hidden="true" />
                  <span>Command</span>
                </Group>
              ),
            },
            {
              value: 'script',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconFileCode size={16} aria-hidden="true" />
                  <span>Script</span>
                </Group>
              ),
            },
          ]}
          {...form.getInputProps('mode')}
          data-testid="job-mode"
        />
      </Stack>
      {mode === 'command' ? (
        <Stack gap={6}>
          <TextInput
            label="Command"
            description="The program and its arguments on one line. Quotes group words: sh -c 'echo hello' is three words."
            placeholder="python3 train.py --epochs 10"
            classNames={{ input: 'plinth-mono' }}
            aria-required
            {...form.getInputProps('commandLine')}
          />
          <CommandWords line={form.values.commandLine} />
        </Stack>
      ) : (
        <Textarea
          label="Script"
          description="Start with a #! line to choose the interpreter, such as #!/bin/bash; without one, /bin/sh runs it."
          placeholder={scriptPlaceholder}
          autosize
          minRows={8}
          maxRows={24}
          spellCheck={false}
          classNames={{ input: 'plinth-mono' }}
          aria-required
          {...form.getInputProps('script')}
        />
      )}
      <TextInput
        label="Working directory"
        description="Optional. The folder the job starts in; the executor’s own folder for the job when empty."
        placeholder="/scratch/my-project"
        classNames={{ input: 'plinth-mono' }}
        {...form.getInputProps('workingDirectory')}
      />
    </FormSection>
  );
}
