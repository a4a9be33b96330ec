import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ChangeResult, type GitAuthor, writeChange } from './change/git-change.js';
import { appendTechnology, moveTechnology } from './change/yaml-edit.js';
import { proposalPhrase } from './proposal-view.js';
import type { ProposalInput } from './schemas.js';
import type { RadarProposalsTable } from './tables.js';
import type { TechnologySource } from './technology-store.js';

/** Where accepted changes are written: the platform repo's local folder, and whether it has a remote to push to. */
export interface PlatformTarget {
  folder: () => string;
  push: boolean;
}

export interface AcceptedChange {
  file: string | null;
  result: ChangeResult | null;
  /** Why no change could be written (the technology left the catalog, or lives outside the platform repo). */
  failure: string | null;
}

/** The file a new technology goes to: radar/ when the platform repo has that folder, else the catalog. */
function newTechnologyFile(folder: string): string {
  return existsSync(join(folder, 'radar')) ? 'radar/technologies.yaml' : 'catalog/technologies.yaml';
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'technology'
  );
}

/** Writes what an accepted proposal changes as a commit on `radar/<number>-<name>` (or a patch). */
export async function writeAcceptedChange(
  target: PlatformTarget,
  row: RadarProposalsTable,
  technology: TechnologySource | null,
  decision: { author: GitAuthor; at: number; reason: string },
): Promise<AcceptedChange> {
  const input = JSON.parse(row.input) as ProposalInput;
  const date = new Date(decision.at).toISOString().slice(0, 10);
  const entry = { date, ring: row.target_ring, reason: `${input.summary.trim()} (proposal #${row.number})` };
  let path: string;
  let edit: (current: string | null) => string;
  if (row.kind === 'move') {
    if (!technology) {
      return { file: null, result: null, failure: `${row.technology_ref} is no longer in the catalog` };
    }
    if (technology.location.name !== 'platform') {
      return {
        file: technology.file,
        result: null,
        failure: `${row.technology_ref} is defined in location '${technology.location.name}' (${technology.file}:${technology.line}), outside the platform repo: change it there`,
      };
    }
    path = [technology.location.path, technology.file].filter(Boolean).join('/');
    edit = (current) => {
      if (current === null) throw new Error(`${path} does not exist in the platform repo`);
      return moveTechnology(current, row.name, row.target_ring, entry);
    };
  } else {
    path = newTechnologyFile(target.folder());
    edit = (current) =>
      appendTechnology(current, {
        name: row.name,
        title: row.title,
        description: input.description ?? '',
        quadrant: row.quadrant,
        ring: row.target_ring,
        owner: input.owner ?? '',
        homepage: input.homepage || undefined,
        history: [entry],
      });
  }
  const message = [
    `Radar: ${proposalPhrase(row)} (proposal #${row.number})`,
    '',
    `Proposal #${row.number} was accepted by ${decision.author.name} on ${date}: ${decision.reason}`,
    '',
    `Why: ${input.summary.trim()}`,
    '',
  ].join('\n');
  const result = await writeChange({
    folder: target.folder(),
    push: target.push,
    path,
    edit,
    branch: `radar/${row.number}-${slug(row.name)}`,
    message,
    author: decision.author,
    at: decision.at,
  });
  return { file: path, result, failure: null };
}
