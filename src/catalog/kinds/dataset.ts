import { type Static, Type } from 'typebox';
import type { EntityKind } from '../extension.js';
import { LIFECYCLES, OWNER, PLINTH_V1ALPHA1, Ref, RefList, SYSTEM, Text } from './common.js';

/** Sensitivity classes, from least to most protected. */
export const SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'] as const;

// A URI with a scheme (s3://, gs://, https:, file:, nfs-host:/export) or an absolute path
// (/nfs/…, \\server\share); relative paths mean nothing to a reader elsewhere.
const STORAGE_LOCATION = '^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|\\\\\\\\)\\S';

/** Where a dataset's bytes are. */
export const DatasetStorage = Type.Object(
  {
    location: Type.String({
      pattern: STORAGE_LOCATION,
      hint: 'is not a storage location: write a URI such as s3://bucket/path, gs://bucket/path, https://…, file:///data/x, or an absolute path such as /nfs/datasets/x',
    }),
    format: Type.Optional(Text),
    sizeBytes: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

/** Where DVC keeps the dataset: the remote's name and the path in it. */
export const DatasetDvc = Type.Object({ remote: Text, path: Text }, { additionalProperties: false });

/** The spec of a Dataset. */
export const DatasetSpec = Type.Object({
  type: Text,
  owner: Ref,
  lifecycle: Text,
  system: Type.Optional(Ref),
  storage: Type.Optional(DatasetStorage),
  dvc: Type.Optional(DatasetDvc),
  license: Type.Optional(Text),
  sensitivity: Type.Optional(Type.Enum(SENSITIVITIES)),
  dependsOn: Type.Optional(RefList),
});
export type DatasetSpec = Static<typeof DatasetSpec>;

/** Research data: raw measurements, processed sets, training corpora, model weights. */
export const datasetKind: EntityKind = {
  apiVersions: [PLINTH_V1ALPHA1],
  kind: 'Dataset',
  description: 'Research data: raw measurements, processed sets, training corpora, model weights',
  specSchema: DatasetSpec,
  recommendedValues: { 'spec.lifecycle': LIFECYCLES },
  relations: (_entity, refs) => [
    ...refs.field('spec.owner', 'ownedBy', OWNER),
    ...refs.field('spec.system', 'partOf', SYSTEM),
    // A derived dataset usually depends on the dataset it was made from, hence the default kind.
    ...refs.field('spec.dependsOn', 'dependsOn', { defaultKind: 'Dataset' }),
  ],
};
