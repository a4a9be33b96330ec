import { Table, Text } from '@mantine/core';
import type { ParameterPage, TemplateDetail } from './template-types.js';

/** What the create button says for a template of this type. */
export function createLabel(type: string): string {
  if (type === 'project') return 'Create project';
  if (type === 'infrastructure') return 'Create infrastructure code';
  if (type === 'experiment') return 'Create experiment';
  return 'Create';
}

/** The answers of the form, as the person saw them, before they create. */
export function ValuesTable({
  template,
  values,
}: {
  template: TemplateDetail;
  values: Record<string, unknown>;
}) {
  const rows = (template.parameters as ParameterPage[]).flatMap((page) =>
    Object.entries(
      (page.properties ?? {}) as Record<string, { title?: string; enum?: unknown[]; enumNames?: string[] }>,
    ).map(([key, field]) => {
      // A choice reads as the person saw it in the form ("Amazon S3"), not as its value ("aws").
      const index = field.enum?.indexOf(values[key]) ?? -1;
      return {
        key,
        title: field.title ?? key,
        value: index >= 0 && field.enumNames?.[index] ? field.enumNames[index] : values[key],
      };
    }),
  );
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th w="38%">{r.title}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              {r.value === undefined || r.value === '' ? (
                <Text span c="dimmed" size="sm">
                  —
                </Text>
              ) : (
                String(r.value)
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
