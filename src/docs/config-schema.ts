import { Type } from 'typebox';

/** The `docs` section of the config: how docs are read and when a guide counts as out of date. */
export const DocsConfigSchema = Type.Object(
  {
    guideMaxAgeDays: Type.Integer({
      default: 180,
      minimum: 1,
      description:
        'Days after its `verified` date when a guide shows "may be out of date" and joins the Keepers\' list of stale guides',
    }),
    syncIntervalSeconds: Type.Integer({
      default: 300,
      minimum: 0,
      description:
        'How often the platform repo docs are read again (0 = only at start, on catalog syncs and on demand)',
    }),
    editUrlBase: Type.Optional(
      Type.String({
        pattern: '^https?://',
        description:
          'Web address that opens a file of the platform repo for editing, the file path appended ' +
          '(e.g. https://github.com/acme/platform/edit/main/); derived from platformRepo when it is a GitHub or GitLab URL',
      }),
    ),
  },
  { default: {}, additionalProperties: false },
);

export type DocsConfig = Type.Static<typeof DocsConfigSchema>;
