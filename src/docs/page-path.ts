/** Splits the path after /docs/ into its source key and page slug: `platform/…` or `<kind>/<namespace>/<name>/…`. */
export function splitPagePath(path: string): { source: string; slug: string } {
  const parts = path.split('/').filter(Boolean);
  const take = parts[0] === 'platform' ? 1 : 3;
  return { source: parts.slice(0, take).join('/').toLowerCase(), slug: parts.slice(take).join('/') };
}
