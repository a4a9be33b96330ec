import { SimpleGrid, Skeleton, Stack } from '@mantine/core';

/** Props of {@link LoadingSkeleton}. */
export interface LoadingSkeletonProps {
  /** `table` for lists, `cards` for dashboards, `form` for a few fields. */
  variant?: 'table' | 'cards' | 'form';
  rows?: number;
}

/** The shape of what is loading, so the page does not jump when it arrives. */
export function LoadingSkeleton({ variant = 'table', rows = 5 }: LoadingSkeletonProps) {
  const keys = Array.from({ length: rows }, (_, i) => `row-${i}`);
  if (variant === 'cards') {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" aria-busy="true" aria-label="Loading">
        {keys.map((key) => (
          <Skeleton key={key} height={150} radius="md" />
        ))}
      </SimpleGrid>
    );
  }
  return (
    <Stack gap="sm" aria-busy="true" aria-label="Loading">
      {variant === 'table' && <Skeleton height={36} radius="sm" />}
      {keys.map((key, i) => (
        <Skeleton
          key={key}
          height={variant === 'form' ? 54 : 28}
          radius="sm"
          width={`${100 - (i % 3) * 8}%`}
        />
      ))}
    </Stack>
  );
}
