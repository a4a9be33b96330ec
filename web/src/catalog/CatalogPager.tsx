import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';

/** Props of {@link CatalogPager}. */
export interface CatalogPagerProps {
  page: number;
  pageSize: number;
  shown: number;
  total: number;
  hasNext: boolean;
  onNext: () => void;
  onPrevious: () => void;
  busy?: boolean;
}

/** "51–100 of 121" with Previous and Next, for the cursor pages of the catalog. */
export function CatalogPager({
  page,
  pageSize,
  shown,
  total,
  hasNext,
  onNext,
  onPrevious,
  busy,
}: CatalogPagerProps) {
  const first = (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + shown;
  return (
    <Group justify="space-between" p="md" gap="sm">
      <Text size="sm" c="dimmed" data-testid="catalog-range" aria-live="polite">
        {shown === 0 ? `0 of ${total}` : `${first}–${last} of ${total}`}
        {total === 1 ? ' entity' : ' entities'}
      </Text>
      {(page > 1 || hasNext) && (
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={14} />}
            onClick={onPrevious}
            disabled={page <= 1}
          >
            Previous
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<IconChevronRight size={14} />}
            onClick={onNext}
            disabled={!hasNext}
            loading={busy}
          >
            Next
          </Button>
        </Group>
      )}
    </Group>
  );
}
