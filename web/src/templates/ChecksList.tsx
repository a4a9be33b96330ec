import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { CheckResult } from './template-types.js';

/** Policy check results: passed, failed (blocking) or a warning, each finding at its file and line. */
export function ChecksList({ checks }: { checks: CheckResult[] }) {
  if (checks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No policy check ran yet.
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="checks">
      {checks.map((c) => {
        const Icon = c.passed ? IconCircleCheck : c.blocking ? IconCircleX : IconAlertTriangle;
        const color = c.passed ? 'teal' : c.blocking ? 'red' : 'yellow';
        return (
          <div key={c.name} data-check={c.name} data-passed={c.passed}>
            <Group gap="xs" wrap="nowrap">
              <Icon
                size={18}
                color={`var(--mantine-color-${color}-text)`}
                aria-hidden="true"
                style={{ flexShrink: 0 }}
              />
              <Text size="sm" fw={500} style={{ flex: 1, minWidth: 0 }}>
                {c.title}
              </Text>
              <Badge size="xs" variant="light" color={color} style={{ flexShrink: 0 }}>
                {c.passed ? 'passed' : c.blocking ? 'failed: blocks publication' : 'warning'}
              </Badge>
            </Group>
            {c.findings.length > 0 && (
              <List size="xs" ml={26} mt={4} spacing={2}>
                {c.findings.map((f) => (
                  <List.Item key={`${f.file}:${f.line}:${f.message}`}>
                    {f.file && (
                      <Text span size="xs" ff="monospace">
                        {f.file}
                        {f.line ? `:${f.line}` : ''}{' '}
                      </Text>
                    )}
                    {f.message}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        );
      })}
    </Stack>
  );
}
