/** Opaque pagination cursors: the sort key of the last row, base64url-encoded. */
export const encodeCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

/** Splits a `limit + 1` row fetch into a page and the next cursor. */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => string, map: (row: R) => T) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null,
  };
}
