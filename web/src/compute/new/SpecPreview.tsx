import {
  Button,
  Card,
  Code,
  Group,
  CopyButton as MantineCopyButton,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCheck, IconTerminal2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { JobSpec } from '../../api/job-types.js';
import { CopyButton } from '../../components/CopyButton.js';
import { cliCommand } from './cli-command.js';

/** A button that copies the `plinth job submit` command of a spec, and says so. */
export function CopyCliButton({ spec, size = 'xs' }: { spec: JobSpec; size?: 'xs' | 'sm' }) {
  return (
    <MantineCopyButton value={cliCommand(spec)} timeout={1800}>
      {({ copied, copy }) => (
        <Button
          variant="default"
          size={size}
          onClick={copy}
          leftSection={copied ? <IconCheck size={14} /> : <IconTerminal2 size={14} />}
          color={copied ? 'teal' : undefined}
        >
          {copied ? 'Copied' : 'Copy as CLI command'}
        </Button>
      )}
    </MantineCopyButton>
  );
}

function Snippet({
  label,
  text,
  testId,
  action,
  wrap = false,
}: {
  label: string;
  text: string;
  testId: string;
  action?: ReactNode;
  /** Wrap long lines (JSON); a shell command keeps its lines whole and scrolls instead. */
  wrap?: boolean;
}) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.5 }}>
          {label}
        </Text>
        {action ?? <CopyButton value={text} label={label.toLowerCase()} />}
      </Group>
      <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
        <Code
          block
          fz="xs"
          data-testid={testId}
          style={wrap ? { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } : { whiteSpace: 'pre' }}
        >
          {text}
        </Code>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/**
 * The spec the form will send, as JSON, and the same job as a CLI command: copying either is how
 * people move from the form to scripts.
 */
export function SpecPreview({ spec, complete }: { spec: JobSpec; complete: boolean }) {
  return (
    <Card p="lg" data-testid="spec-preview">
      <Title order={2} size="h3">
        Preview
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        {complete
          ? 'This is sent to POST /api/jobs. The CLI takes the same job, as a file or as flags.'
          : 'Not complete yet: this is what would be sent so far.'}
      </Text>
      <Stack gap="md">
        <Snippet label="Job spec (JSON)" text={JSON.stringify(spec, null, 2)} testId="spec-json" wrap />
        <Snippet
          label="CLI command"
          text={cliCommand(spec)}
          testId="spec-cli"
          action={<CopyCliButton spec={spec} />}
        />
      </Stack>
    </Card>
  );
}
