import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters that live in the page URL, so a filtered list is a shareable link
 * (`/admin/users?role=keeper&q=ann`). Empty values are left out of the URL.
 * @example const [filters, setFilter] = useUrlFilters(['q', 'role']);
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [params, keys]);
  const setFilter = useCallback(
    (key: K, value: string | null | undefined) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, setFilter] as const;
}
