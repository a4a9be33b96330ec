/** The resource fields of the form, as people type them: memory in GB, time in hours and minutes. */
export interface ResourceValues {
  cpus: number | '';
  memoryGb: number | '';
  timeHours: number | '';
  timeMinutes: number | '';
}

/** A named size of job; `custom` means the fields as typed. */
export type PresetName = 'small' | 'medium' | 'large' | 'custom';

/** The sizes most jobs fit, so nobody has to guess numbers for a first job. */
export const presets: {
  name: Exclude<PresetName, 'custom'>;
  label: string;
  summary: string;
  values: ResourceValues;
}[] = [
  {
    name: 'small',
    label: 'Small',
    summary: '1 CPU · 2 GB · 30 min',
    values: { cpus: 1, memoryGb: 2, timeHours: 0, timeMinutes: 30 },
  },
  {
    name: 'medium',
    label: 'Medium',
    summary: '4 CPUs · 16 GB · 4 h',
    values: { cpus: 4, memoryGb: 16, timeHours: 4, timeMinutes: 0 },
  },
  {
    name: 'large',
    label: 'Large',
    summary: '16 CPUs · 64 GB · 24 h',
    values: { cpus: 16, memoryGb: 64, timeHours: 24, timeMinutes: 0 },
  },
];

const asNumber = (v: number | '') => (v === '' ? 0 : v);

/** The preset these values are exactly, or `custom`. */
export function presetOf(values: ResourceValues): PresetName {
  const found = presets.find(
    (p) =>
      p.values.cpus === values.cpus &&
      p.values.memoryGb === values.memoryGb &&
      asNumber(p.values.timeHours) * 60 + asNumber(p.values.timeMinutes) ===
        asNumber(values.timeHours) * 60 + asNumber(values.timeMinutes),
  );
  return found?.name ?? 'custom';
}

/** Memory typed in GB as the spec's megabytes (binary, as the CLI's `2G`), rounded up. */
export function gbToMb(gb: number): number {
  return Math.ceil(gb * 1024);
}

/** The spec's megabytes as GB for the form, to two decimals. */
export function mbToGb(mb: number): number {
  return Math.round((mb / 1024) * 100) / 100;
}
