import { resolve } from 'node:path';

// What the catalog browser test reads and photographs, kept apart so the test reads as steps.

/** The demo platform repo `npm start` serves: the catalog of Meridian Research. */
export const demoRepo = resolve('examples/platform');

// A second location: one entity that cannot load (no owner), one that loads with two warnings.
export const brokenCatalog = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: flux-solver',
  '  title: Flux solver',
  'spec:',
  '  type: library',
  '  lifecycle: production',
  '---',
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: mesh-tools',
  '  title: Mesh tools',
  'spec:',
  '  type: library',
  '  lifecycle: beta',
  '  owner: climate-modelling',
  '  dependson: [flux-solver]',
  '',
].join('\n');

// A git location, so the locations page shows a commit, its author and its history.
export const instrumentCatalog = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Resource',
  'metadata:',
  '  name: cryo-em-krios',
  '  title: Krios cryo-electron microscope',
  'spec:',
  '  type: instrument',
  '  owner: imaging-lab',
  '',
].join('\n');

/** Pages photographed in every theme and width: [file name, path, main heading, something to wait for]. */
export const screens: [string, string, string | RegExp, string?][] = [
  ['catalog-table', '/catalog', 'Catalog', '[data-testid="entity-table"]'],
  ['catalog-cards', '/catalog?view=cards&kind=dataset', 'Catalog', '[data-testid="entity-card"]'],
  ['entity-overview', '/catalog/dataset/default/era5-europe-subset', 'ERA5 reanalysis, Europe'],
  [
    'entity-relations',
    '/catalog/component/default/downscaler?tab=relations',
    'Regional downscaler',
    '.react-flow__node',
  ],
  ['locations', '/admin/locations', 'Catalog locations', '[data-location="lab-notes"]'],
  ['problems', '/admin/problems', 'Catalog problems', '[data-testid="problem-row"]'],
  ['home-problems', '/', /Platform Keeper/, '[data-testid="team-problem"]'],
];
