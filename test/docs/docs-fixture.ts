import { CLIMATE_GROUP, createGitRepo } from '../helpers/git-repo.js';

// 1×1 transparent PNG.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const today = new Date().toISOString().slice(0, 10);

/** A platform repo in git with docs, guides, a practice, a team's entity docs and some broken links. */
export function createDocsRepo() {
  const repo = createGitRepo();
  repo.write('catalog/group.yaml', CLIMATE_GROUP);
  repo.write(
    'catalog/libs.yaml',
    `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: climate-kit
  title: Climate Kit
  annotations:
    backstage.io/techdocs-ref: dir:../projects/climate-kit/docs
spec: { type: library, lifecycle: production, owner: climate }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: sneaky
  annotations:
    backstage.io/techdocs-ref: dir:../../../../etc
spec: { type: library, lifecycle: production, owner: climate }
`,
  );
  repo.write(
    'projects/climate-kit/docs/index.md',
    '# Climate Kit\n\nRegrid with `ck.regrid`. See [usage](usage.md).\n',
  );
  repo.write('projects/climate-kit/docs/usage.md', '# Usage\n\n## Install\n\npip install climate-kit\n');
  repo.write(
    'docs/index.md',
    '---\ntitle: Welcome\norder: 0\n---\n# Welcome\n\nStart with [your first day](guides/first-day.md).\n',
  );
  repo.write('docs/guides/index.md', '---\ntitle: Guides\norder: 1\n---\n# Guides\n\nStep by step.\n');
  repo.write(
    'docs/guides/first-day.md',
    `---
title: 'Start here: your first day'
description: Accounts, where things are, who to ask
tags: [onboarding]
owner: keepers
verified: ${today}
order: 1
---
# Start here: your first day

What you will do today.

## Sign in

Open the portal and sign in.

## Create an API token

Run \`plinth login\`.

![diagram](../images/diagram.png)

## Find your team

Open [the catalog](/catalog).
`,
  );
  repo.write(
    'docs/guides/old-cluster.md',
    '---\ntitle: Use the old cluster\nverified: 2020-01-01\norder: 2\n---\n# Use the old cluster\n\n## Log in\n\nssh old\n',
  );
  repo.write(
    'docs/practices/secrets.md',
    `---
title: Handling secrets
tags: [security]
---
# Handling secrets

Never commit a token.

See [missing page](nothing-here.md) and ![gone](gone.png) and [escape](../../../../etc/passwd).
`,
  );
  repo.write('docs/images/diagram.png', PNG.toString('binary'));
  repo.write('docs/images/page.html', '<script>alert(1)</script>');
  repo.commit('docs');
  // The PNG must be written as bytes: `write` takes text, so fix it up outside git's view of encoding.
  return repo;
}

export const FIRST_DAY_STEPS = ['sign-in', 'create-an-api-token', 'find-your-team'];
