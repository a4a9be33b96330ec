import { Card, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CopyButton } from '../../components/CopyButton.js';

/** Props of {@link CodeCard}. */
export interface CodeCardProps {
  /** What the text is, e.g. "Script the local executor runs". */
  caption: string;
  /** What the copy button copies, for its tooltip: "script", "spec". */
  copyLabel: string;
  text: string;
  /** More buttons beside the copy button. */
  actions?: ReactNode;
  testId?: string;
}

/** A block of text to read and copy: a script, a spec. */
export function CodeCard({ caption, copyLabel, text, actions, testId }: CodeCardProps) {
  return (
    <Card p={0}>
      <Group
        justify="space-between"
        px="md"
        py="xs"
        wrap="nowrap"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Text size="sm" c="dimmed">
          {caption}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {actions}
          <CopyButton value={text} label={copyLabel} size="md" />
        </Group>
      </Group>
      <pre className="plinth-code" data-testid={testId}>
        {text}
      </pre>
    </Card>
  );
}
