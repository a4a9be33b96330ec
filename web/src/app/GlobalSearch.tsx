import { Group, Kbd, Loader, Popover, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconCornerDownLeft, IconSearch } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { groupHits } from '../search/group-hits.js';
import { SearchHitBody } from '../search/SearchHitRow.js';
import { useSearch } from '../search/search-queries.js';
import { typeLabel } from '../search/search-types.js';
import { searchHref } from './routes.js';
import '../search/search.css';

const QUICK_LIMIT = 8;

/**
 * The one search box of the portal. `/` or Ctrl-K focuses it; results arrive as you type, grouped by
 * type. Arrow keys move through them, Enter opens one, or the full results page when none is chosen.
 */
export function GlobalSearch() {
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(-1);
  const [debounced] = useDebouncedValue(value, 120);
  useHotkeys([
    ['/', () => inputRef.current?.focus()],
    ['mod+K', () => inputRef.current?.focus()],
  ]);
  const text = value.trim();
  const results = useSearch({ q: debounced, limit: QUICK_LIMIT });
  const hits = debounced.trim() ? (results.data?.items ?? []) : [];
  const groups = groupHits(hits);
  const opened = focused && text.length > 0;
  // The last option is "See all results".
  const optionCount = hits.length + 1;

  const close = () => {
    setValue('');
    setActive(-1);
    inputRef.current?.blur();
  };
  const go = (href: string) => {
    navigate(href);
    close();
  };
  const choose = (index: number) => {
    const hit = hits[index];
    go(hit ? hit.url : searchHref(text));
  };
  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <Popover opened={opened} position="bottom-start" width="target" shadow="md" offset={6}>
      <Popover.Target>
        <TextInput
          ref={inputRef}
          value={value}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            setActive(-1);
          }}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
            else if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((i) => (i + 1) % optionCount);
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((i) => (i <= 0 ? optionCount - 1 : i - 1));
            } else if (event.key === 'Enter' && text) {
              event.preventDefault();
              choose(active);
            }
          }}
          placeholder="Search docs, guides and the catalog"
          aria-label="Search Plinth"
          role="combobox"
          aria-expanded={opened}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          leftSection={results.isFetching && text ? <Loader size={14} /> : <IconSearch size={16} />}
          rightSection={<Kbd size="xs">/</Kbd>}
          rightSectionPointerEvents="none"
          w="100%"
          radius="md"
          data-testid="global-search"
        />
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap={6} id={listId} role="listbox" aria-label="Quick results" data-testid="quick-results">
          {debounced.trim() && results.isSuccess && hits.length === 0 && (
            <Text size="sm" c="dimmed" px="xs" py={6}>
              Nothing matches “{text}” yet. Try another word, or see every kind of result below.
            </Text>
          )}
          {results.isError && (
            <Text size="sm" c="red" px="xs" py={6}>
              Search failed. Press Enter to try the full results page.
            </Text>
          )}
          {groups.map((group) => (
            <Stack key={group.type} gap={2}>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="xs" pt={4}>
                {typeLabel(group.type)}
              </Text>
              {group.hits.map(({ hit, index }) => (
                <UnstyledButton
                  key={hit.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={active === index}
                  className="search-option"
                  data-active={active === index || undefined}
                  onMouseDown={(event) => event.preventDefault()}
                  // A move, not an enter: results opening under a resting pointer must not take the
                  // keyboard's choice, or Enter would open whatever row happens to be under it.
                  onMouseMove={() => setActive(index)}
                  onClick={() => choose(index)}
                  px="xs"
                  py={6}
                >
                  <SearchHitBody hit={hit} compact />
                </UnstyledButton>
              ))}
            </Stack>
          ))}
          <UnstyledButton
            id={optionId(hits.length)}
            role="option"
            aria-selected={active === hits.length}
            className="search-option"
            data-active={active === hits.length || active === -1 || undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => go(searchHref(text))}
            px="xs"
            py={8}
            data-testid="search-all"
          >
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                See all results for “<b>{text}</b>”
              </Text>
              <Kbd size="xs" aria-label="Enter">
                <IconCornerDownLeft size={12} />
              </Kbd>
            </Group>
          </UnstyledButton>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
