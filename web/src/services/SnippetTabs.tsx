import { Box, Code, Group, Tabs, Text } from '@mantine/core';
import type { Service } from '../api/services-types.js';
import { CopyButton } from '../components/CopyButton.js';

export const SNIPPET_LANGUAGES = [
  { value: 'curl', label: 'curl' },
  { value: 'python', label: 'Python' },
  { value: 'cli', label: 'CLI' },
  { value: 'browser', label: 'Browser' },
] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number]['value'];

/** Copy-paste examples of one service, one tab per client; the chosen tab is shared by every card. */
export function SnippetTabs({
  service,
  language,
  onLanguage,
}: {
  service: Service;
  language: SnippetLanguage;
  onLanguage: (language: SnippetLanguage) => void;
}) {
  return (
    <Tabs
      value={language}
      onChange={(value) => value && onLanguage(value as SnippetLanguage)}
      keepMounted={false}
    >
      <Tabs.List aria-label={`How to use the ${service.title}`}>
        {SNIPPET_LANGUAGES.map((l) => (
          <Tabs.Tab key={l.value} value={l.value}>
            {l.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {SNIPPET_LANGUAGES.map((l) => (
        <Tabs.Panel key={l.value} value={l.value} pt="xs">
          <Box pos="relative">
            <Code block fz="xs" pr={40} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {service.snippets[l.value]}
            </Code>
            <Group pos="absolute" top={6} right={6}>
              <CopyButton value={service.snippets[l.value]} label={`${l.label} example`} />
            </Group>
          </Box>
        </Tabs.Panel>
      ))}
      <Text size="xs" c="dimmed" mt={6}>
        {language === 'browser'
          ? 'Replace <your token> with one of your API tokens; never put a token in code you publish.'
          : language === 'cli'
            ? 'Sign in once with plinth login, or set PLINTH_URL and PLINTH_TOKEN.'
            : 'Set PLINTH_TOKEN to one of your API tokens first.'}
      </Text>
    </Tabs>
  );
}
