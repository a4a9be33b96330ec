import { Group, Kbd, Popover, Stack, Text, TextInput, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCategory2, IconClockHour4, IconCornerDownLeft, IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { catalogHref } from './routes.js';

function SearchNotReady() {
  return (
    <Group align="flex-start" wrap="nowrap" gap="sm" data-testid="search-not-ready">
      <ThemeIcon variant="light" color="gray" size={32} radius="md">
        <IconClockHour4 size={18} />
      </ThemeIcon>
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          Search everywhere is not built yet
        </Text>
        <Text size="sm" c="dimmed">
          One search over the catalog, docs and templates arrives with the docs. The catalog can already be
          searched.
        </Text>
      </Stack>
    </Group>
  );
}

function FindInCatalog({ text, onChoose }: { text: string; onChoose: () => void }) {
  return (
    <UnstyledButton
      onClick={onChoose}
      // Keep the focus in the box: leaving it would close the dropdown before the click lands.
      onMouseDown={(event) => event.preventDefault()}
      className="plinth-start-link"
      p="xs"
      bg="var(--plinth-muted-surface)"
      data-testid="search-catalog"
    >
      <Group gap="sm" wrap="nowrap" justify="space-between">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon variant="light" size={32} radius="md">
            <IconCategory2 size={18} />
          </ThemeIcon>
          <Text size="sm" truncate>
            Find “<b>{text}</b>” in the catalog
          </Text>
        </Group>
        <Kbd size="xs" aria-label="Enter">
          <IconCornerDownLeft size={12} />
        </Kbd>
      </Group>
    </UnstyledButton>
  );
}

/**
 * The one search box of the portal. `/` or Ctrl-K focuses it. Search over everything arrives with
 * the docs; until then it says so honestly and offers to search the catalog (Enter does that).
 */
export function GlobalSearch() {
  const inputRef = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [focused, setFocused] = useState(false);
  useHotkeys([
    ['/', () => inputRef.current?.focus()],
    ['mod+K', () => inputRef.current?.focus()],
  ]);
  const text = value.trim();
  const opened = focused && text.length > 0;
  const findInCatalog = () => {
    navigate(catalogHref({ q: text }));
    setValue('');
    inputRef.current?.blur();
  };
  return (
    <Popover opened={opened} position="bottom-start" width="target" shadow="md" offset={6}>
      <Popover.Target>
        <TextInput
          ref={inputRef}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setValue('');
              event.currentTarget.blur();
            }
            if (event.key === 'Enter' && text) findInCatalog();
          }}
          placeholder="Search Plinth"
          aria-label="Search Plinth"
          leftSection={<IconSearch size={16} />}
          rightSection={<Kbd size="xs">/</Kbd>}
          rightSectionPointerEvents="none"
          w="100%"
          radius="md"
          data-testid="global-search"
        />
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap="xs">
          <FindInCatalog text={text} onChoose={findInCatalog} />
          <Stack px="xs" pb={4}>
            <SearchNotReady />
          </Stack>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
