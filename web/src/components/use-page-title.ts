import { useEffect } from 'react';

/**
 * Names the browser tab after the page, most specific first: `Users · Admin · Plinth`.
 * @example usePageTitle(['Users', 'Admin']);
 */
export function usePageTitle(parts: readonly string[]): void {
  const title = [...parts, 'Plinth'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
