import { monotonicFactory } from 'ulid';

/** Current time as the ISO-8601 UTC string every table stores. */
export const nowIso = (): string => new Date().toISOString();

export const isoIn = (ms: number): string => new Date(Date.now() + ms).toISOString();

/** A new row id: a ULID, unique and sortable by creation time. */
export const newId: () => string = monotonicFactory();
