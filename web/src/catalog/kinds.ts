import {
  IconBox,
  IconBulb,
  IconDatabase,
  IconMapPin,
  IconPlugConnected,
  IconPuzzle,
  IconServer2,
  IconTopologyStar3,
  IconUser,
  IconUsersGroup,
  IconWorld,
} from '@tabler/icons-react';

/** How the portal shows one kind of entity: words, an icon and a colour (never the colour alone). */
export interface KindStyle {
  label: string;
  plural: string;
  icon: typeof IconBox;
  /** A Mantine palette name; theme.ts tints each one for dark mode. */
  color: string;
  /** One line for tooltips and the filter panel. */
  hint: string;
}

const kinds: Record<string, KindStyle> = {
  component: {
    label: 'Component',
    plural: 'Components',
    icon: IconPuzzle,
    color: 'blue',
    hint: 'Software: a service, a library, a website, a simulation code',
  },
  api: {
    label: 'API',
    plural: 'APIs',
    icon: IconPlugConnected,
    color: 'violet',
    hint: 'An interface that components provide or consume',
  },
  resource: {
    label: 'Resource',
    plural: 'Resources',
    icon: IconServer2,
    color: 'orange',
    hint: 'Infrastructure: a database, a bucket, a cluster, an instrument',
  },
  system: {
    label: 'System',
    plural: 'Systems',
    icon: IconTopologyStar3,
    color: 'indigo',
    hint: 'Components, APIs, resources and datasets that work together',
  },
  domain: {
    label: 'Domain',
    plural: 'Domains',
    icon: IconWorld,
    color: 'cyan',
    hint: 'A research area that groups systems',
  },
  group: {
    label: 'Group',
    plural: 'Groups',
    icon: IconUsersGroup,
    color: 'pink',
    hint: 'A team, a lab, a department',
  },
  user: { label: 'User', plural: 'Users', icon: IconUser, color: 'grape', hint: 'A person' },
  location: {
    label: 'Location',
    plural: 'Locations',
    icon: IconMapPin,
    color: 'gray',
    hint: 'Where more catalog files are',
  },
  dataset: {
    label: 'Dataset',
    plural: 'Datasets',
    icon: IconDatabase,
    color: 'green',
    hint: 'Research data: measurements, processed sets, corpora, model weights',
  },
  technology: {
    label: 'Technology',
    plural: 'Technologies',
    icon: IconBulb,
    color: 'yellow',
    hint: 'A tool, language or method, placed on the technology radar',
  },
};

// Kinds whose spec names an owner, and those that also have a lifecycle. For the others (a team,
// a person) an empty "Owner" or "Lifecycle" would only raise questions.
const ownedKinds = new Set(['component', 'api', 'resource', 'system', 'domain', 'dataset', 'technology']);
const livingKinds = new Set(['component', 'api', 'resource', 'dataset']);

/** Whether entities of this kind are expected to name an owner. */
export function kindHasOwner(kind: string): boolean {
  return ownedKinds.has(kind);
}

/** Whether entities of this kind are expected to have a lifecycle. */
export function kindHasLifecycle(kind: string): boolean {
  return livingKinds.has(kind);
}

/** The colours kinds use, so the theme can tint them in dark mode. */
export const kindColors = [...new Set(Object.values(kinds).map((k) => k.color))];

/** The style of a kind; kinds added by extensions get a neutral one named after them. */
export function kindStyle(kind: string): KindStyle {
  const known = kinds[kind.toLowerCase()];
  if (known) return known;
  const label = kind.charAt(0).toUpperCase() + kind.slice(1);
  return { label, plural: `${label}s`, icon: IconBox, color: 'gray', hint: `Entities of kind ${label}` };
}
