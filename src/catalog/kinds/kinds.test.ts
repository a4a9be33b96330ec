import { describe, expect, test } from 'vitest';
import { parseCatalogFile } from '../parse-yaml.js';
import { validateEntity } from '../validate-entity.js';

/** Problems of the one entity in `text`, as `line:column severity message`. */
function problemsOf(text: string): string[] {
  const { entities, problems } = parseCatalogFile(text, 'x.yaml');
  expect(problems).toEqual([]);
  expect(entities).toHaveLength(1);
  return validateEntity(entities[0] as never).map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);
}

const backstage = (kind: string, spec: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: thing\nspec:\n${spec}`;
const plinth = (kind: string, spec: string) =>
  `apiVersion: plinth.dev/v1alpha1\nkind: ${kind}\nmetadata:\n  name: thing\nspec:\n${spec}`;

// Each kind: a valid example (no problem at all), then typical mistakes with their exact messages.
const cases: { kind: string; valid: string; invalid: [spec: string, expected: string[]][] }[] = [
  {
    kind: 'Component',
    valid: backstage(
      'Component',
      '  type: service\n  lifecycle: production\n  owner: optics\n  system: beam-lab\n  subcomponentOf: pi\n  providesApis: [a]\n  consumesApis: [b]\n  dependsOn: [resource:db]\n  dependencyOf: [component:c]\n',
    ),
    invalid: [
      [
        '  type: service\n  lifecycle: production\n',
        ['5:1 error spec.owner: is missing; a Component must have it'],
      ],
      [
        '  type: service\n  lifecycle: production\n  owner: optics\n  providesApis: pi-api\n',
        ["9:17 error spec.providesApis: must be a list, not 'pi-api'"],
      ],
      [
        '  type: service\n  lifecycle: beta\n  owner: optics\n',
        [
          "7:14 warning spec.lifecycle: 'beta' is not one of experimental, production, deprecated; it is kept, but filters and other tools may not know it",
        ],
      ],
      [
        '  type: service\n  lifecycle: production\n  ownr: optics\n',
        [
          '5:1 error spec.owner: is missing; a Component must have it',
          "8:9 warning spec.ownr: is not a field of a Component (did you mean 'owner'? known fields: type, lifecycle, owner, system, subcomponentOf, providesApis, consumesApis, dependsOn, dependencyOf); it is kept but not used",
        ],
      ],
    ],
  },
  {
    kind: 'API',
    valid: backstage(
      'API',
      '  type: openapi\n  lifecycle: production\n  owner: optics\n  system: beam-lab\n  definition: |\n    openapi: 3.0.0\n',
    ),
    invalid: [
      [
        '  type: openapi\n  lifecycle: production\n  owner: optics\n',
        ['5:1 error spec.definition: is missing; an API must have it'],
      ],
      [
        '  type: openapi\n  lifecycle: production\n  owner: optics\n  definition:\n    $txt: ./openapi.yaml\n',
        [
          '9:3 error spec.definition: a mapping is not an API definition: write the definition as text, or refer to a file with $text, $json or $yaml',
        ],
      ],
    ],
  },
  {
    kind: 'Resource',
    valid: backstage(
      'Resource',
      '  type: database\n  owner: optics\n  dependsOn: [resource:disk]\n  system: beam-lab\n',
    ),
    invalid: [['  owner: optics\n', ['5:1 error spec.type: is missing; a Resource must have it']]],
  },
  {
    kind: 'System',
    valid: backstage('System', '  owner: optics\n  domain: photonics\n  type: product\n'),
    invalid: [['  domain: photonics\n', ['5:1 error spec.owner: is missing; a System must have it']]],
  },
  {
    kind: 'Domain',
    valid: backstage('Domain', '  owner: optics\n  subdomainOf: physics\n'),
    invalid: [['  owner: [optics]\n', ['6:3 error spec.owner: must be text, not a list']]],
  },
  {
    kind: 'Group',
    valid: backstage(
      'Group',
      '  type: team\n  profile:\n    displayName: Optics\n    email: optics@example.org\n  parent: research\n  children: []\n  members: [ada]\n',
    ),
    invalid: [['  children: []\n', ['5:1 error spec.type: is missing; a Group must have it']]],
  },
  {
    kind: 'User',
    valid: backstage('User', '  profile:\n    displayName: Ada\n  memberOf: [optics]\n'),
    invalid: [['  memberOf: optics\n', ["6:13 error spec.memberOf: must be a list, not 'optics'"]]],
  },
  {
    kind: 'Location',
    valid: backstage(
      'Location',
      '  type: url\n  targets: [https://example.org/a.yaml]\n  presence: optional\n',
    ),
    invalid: [
      [
        '  target: ./a.yaml\n  presence: maybe\n',
        ["7:13 error spec.presence: 'maybe' is not allowed; use one of required, optional"],
      ],
    ],
  },
  {
    kind: 'Dataset',
    valid: plinth(
      'Dataset',
      '  type: raw\n  owner: optics\n  lifecycle: production\n  system: beam-lab\n  storage:\n    location: gs://bucket/beam\n    format: parquet\n    sizeBytes: 1024\n  dvc:\n    remote: lab\n    path: data/beam\n  license: CC0-1.0\n  sensitivity: restricted\n  dependsOn: [beam-raw]\n',
    ),
    invalid: [
      [
        '  type: raw\n  owner: optics\n  lifecycle: production\n  storage:\n    location: data/beam\n    sizeBytes: -1\n',
        [
          "10:15 error spec.storage.location: 'data/beam' is not a storage location: write a URI such as s3://bucket/path, gs://bucket/path, https://…, file:///data/x, or an absolute path such as /nfs/datasets/x",
          '11:16 error spec.storage.sizeBytes: must be at least 0',
        ],
      ],
      [
        '  type: raw\n  owner: optics\n  lifecycle: production\n  dvc:\n    remtoe: lab\n  sensitivity: secret\n',
        [
          '9:3 error spec.dvc.remote: is missing; a Dataset must have it',
          '9:3 error spec.dvc.path: is missing; a Dataset must have it',
          "10:13 error spec.dvc.remtoe: is not a known field here (did you mean 'remote'?); known fields: remote, path",
          "11:16 error spec.sensitivity: 'secret' is not allowed; use one of public, internal, confidential, restricted",
        ],
      ],
    ],
  },
  {
    kind: 'Technology',
    valid: plinth(
      'Technology',
      '  quadrant: tools\n  ring: adopt\n  owner: optics\n  homepage: https://dvc.org\n  history:\n    - date: 2024-02-29\n      ring: trial\n      reason: Tried it\n',
    ),
    invalid: [
      [
        '  quadrant: tools\n  ring: adopted\n',
        [
          "7:9 error spec.ring: 'adopted' is not allowed; use one of adopt, trial, assess, hold (did you mean 'adopt'?)",
        ],
      ],
      [
        '  quadrant: tools\n  ring: hold\n  homepage: dvc.org\n  history:\n    - date: 2023-02-29\n      ring: trial\n',
        [
          "8:13 error spec.homepage: 'dvc.org' is not a web address: write it as https://…",
          "10:13 error spec.history.0.date: '2023-02-29' is not a date: write it as YYYY-MM-DD, e.g. 2025-03-31",
        ],
      ],
    ],
  },
];

describe.each(cases)('$kind', ({ kind, valid, invalid }) => {
  test('a complete example is valid', () => {
    expect(problemsOf(valid)).toEqual([]);
  });

  test.each(invalid)('mistakes are reported at their field: %j', (spec, expected) => {
    const make = valid.startsWith('apiVersion: plinth') ? plinth : backstage;
    expect(problemsOf(make(kind, spec))).toEqual(expected);
  });
});
