import { Group, Kbd, Popover, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconClockHour4, IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';

function SearchNotReady() {
  return (
    <Group align="flex-start" wrap="nowrap" gap="sm" data-testid="search-not-ready">
      <ThemeIcon variant="light" color="gray" size={32} radius="md">
        <IconClockHour4 size={18} />
      </ThemeIcon>
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          Search is not built yet
        </Text>
        <Text size="sm" c="dimmed">
          One search over the catalog, docs and templates arrives with the catalog. Until then, browse the
          sections on the left.
        </Text>
      </Stack>
    </Group>
  );
}

/**
 * The one search box of the portal. `/` or Ctrl-K focuses it. Search itself arrives with
 * the catalog; until then typing says so honestly instead of showing made-up results.
 */
export function GlobalSearch() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [focused, setFocused] = useState(false);
  useHotkeys([
    ['/', () => inputRef.current?.focus()],
    ['mod+K', () => inputRef.current?.focus()],
  ]);
  const opened = focused && value.trim().length > 0;
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
      <Popover.Dropdown>
        <SearchNotReady />
      </Popover.Dropdown>
    </Popover>
  );
}
