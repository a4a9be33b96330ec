/** Megabytes in words: `512 MB`, `3.9 GB`, `64 GB`. */
export function formatMb(mb: number): string {
  if (mb < 1024) return `${Math.max(1, Math.round(mb))} MB`;
  const gb = mb / 1024;
  if (gb < 10) {
    const tenth = Math.floor(gb * 10) / 10;
    return `${Number.isInteger(tenth) ? tenth.toFixed(0) : tenth.toFixed(1)} GB`;
  }
  if (gb < 1024) return `${Math.round(gb)} GB`;
  return `${Math.round((gb / 1024) * 10) / 10} TB`;
}

/** Minutes in words: `1 minute`, `45 minutes`, `2 hours`, `1 hour 30 minutes`, `3 days`. */
export function formatMinutes(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const m = Math.round(minutes);
  if (m < 60) return plural(m, 'minute');
  if (m < 24 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest ? `${plural(h, 'hour')} ${plural(rest, 'minute')}` : plural(h, 'hour');
  }
  const d = Math.floor(m / 1440);
  const h = Math.round((m % 1440) / 60);
  return h ? `${plural(d, 'day')} ${plural(h, 'hour')}` : plural(d, 'day');
}

/** A memory request with room above `mb`, rounded as people ask: 256 MB steps, then whole GB. */
export function roundUpMemoryMb(mb: number): number {
  if (mb <= 1024) return Math.max(256, Math.ceil(mb / 256) * 256);
  return Math.ceil(mb / 1024) * 1024;
}

/** A time limit above `minutes`, rounded as people ask: 15-minute steps, then whole hours. */
export function roundUpMinutes(minutes: number): number {
  if (minutes <= 120) return Math.max(15, Math.ceil(minutes / 15) * 15);
  return Math.ceil(minutes / 60) * 60;
}
