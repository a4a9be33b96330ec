import { readFile } from 'node:fs/promises';
import { isCancel, select, text } from '@clack/prompts';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { CRITERIA, type CriterionId } from '../radar/criteria.js';
import { CRITERION_TEXT, MIN_EVIDENCE } from '../radar/proposal-rules.js';
import type { RadarView } from '../radar/schemas.js';
import { CliError } from './cli-error.js';

/** The flags of `plinth radar propose`, as commander hands them over. */
export interface ProposeFlags {
  file?: string;
  move?: string;
  new?: string;
  title?: string;
  quadrant?: string;
  description?: string;
  homepage?: string;
  owner?: string;
  ring?: string;
  summary?: string;
  marketPresence?: string;
  since?: string;
  relevance?: string;
  integration?: string;
  teamTesting?: string;
  testedBy?: string;
  report?: string;
  essentiality?: string;
  consensus?: string;
  link?: string[];
}

type Body = Record<string, unknown> & { criteria: Record<string, Record<string, unknown>> };

/**
 * Reads a proposal file (YAML or JSON) holding what POST /api/proposals takes. Syntax errors fail as
 * CLI_INVALID_PROPOSAL_FILE at `file:line:col`; the fields are checked by the server, field by field.
 */
export async function readProposalFile(path: string): Promise<Record<string, unknown>> {
  const source = await readFile(path, 'utf8').catch((cause: NodeJS.ErrnoException) => {
    throw CliError.usage(`cannot read ${path}: ${cause.code === 'ENOENT' ? 'no such file' : cause.message}`);
  });
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  const error = doc.errors[0];
  if (error)
    throw new CliError('CLI_INVALID_PROPOSAL_FILE', `${at(error.pos[0])} ${error.message.split('\n')[0]}`);
  if (!isMap(doc.contents)) {
    throw new CliError(
      'CLI_INVALID_PROPOSAL_FILE',
      `${at(doc.contents?.range?.[0] ?? 0)} a proposal file holds one mapping: kind, technology or name, targetRing, summary, criteria`,
    );
  }
  return doc.toJS() as Record<string, unknown>;
}

const CRITERION_FLAGS: Record<CriterionId, keyof ProposeFlags> = {
  marketPresence: 'marketPresence',
  relevance: 'relevance',
  integration: 'integration',
  teamTesting: 'teamTesting',
  essentiality: 'essentiality',
  consensus: 'consensus',
};

/** `--link relevance=https://…` (repeatable) → links per criterion. */
function linksOf(flags: ProposeFlags): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const entry of flags.link ?? []) {
    const [id, ...rest] = entry.split('=');
    const url = rest.join('=');
    if (!id || !(CRITERIA as readonly string[]).includes(id) || !url) {
      throw CliError.usage(
        `--link ${entry}: write it as CRITERION=URL, CRITERION one of ${CRITERIA.join(', ')}`,
      );
    }
    out[id] = [...(out[id] ?? []), url];
  }
  return out;
}

/** The body from flags; what is missing stays missing (prompts or the server name it). */
export function proposalFromFlags(flags: ProposeFlags): Body {
  if (flags.move && flags.new)
    throw CliError.usage('--move and --new exclude each other: move one, or add one');
  const links = linksOf(flags);
  const criteria: Body['criteria'] = {};
  for (const id of CRITERIA) {
    criteria[id] = { text: (flags[CRITERION_FLAGS[id]] as string | undefined) ?? '', links: links[id] ?? [] };
  }
  criteria.marketPresence = { ...criteria.marketPresence, since: flags.since ?? '' };
  criteria.teamTesting = { ...criteria.teamTesting, team: flags.testedBy ?? '', report: flags.report ?? '' };
  const technology = flags.move
    ? { kind: 'move', technology: flags.move }
    : {
        kind: 'new',
        name: flags.new,
        title: flags.title,
        quadrant: flags.quadrant,
        description: flags.description,
        homepage: flags.homepage,
        owner: flags.owner,
      };
  return { ...technology, targetRing: flags.ring, summary: flags.summary ?? '', criteria };
}

function answered(value: unknown): string {
  if (isCancel(value)) throw new CliError('CLI_CANCELLED', 'cancelled.');
  return String(value);
}

async function ask(message: string, min = 1, placeholder?: string): Promise<string> {
  return answered(
    await text({
      message,
      placeholder,
      output: process.stderr,
      validate: (v) =>
        (v ?? '').trim().length >= min ? undefined : min > 1 ? `At least ${min} characters` : 'Required',
    }),
  );
}

async function choose(message: string, options: { value: string; label: string }[]): Promise<string> {
  return answered(await select({ message, options, output: process.stderr }));
}

/** Asks, in a terminal, for every field the flags left out. */
export async function promptMissing(body: Body, radar: RadarView): Promise<Body> {
  const out: Body = { ...body, criteria: { ...body.criteria } };
  if (!body.technology && !body.name) {
    out.kind = await choose('What do you propose?', [
      { value: 'move', label: 'Move a technology on the radar to another ring' },
      { value: 'new', label: 'Add a new technology' },
    ]);
  }
  if (out.kind === 'move' && !out.technology) {
    out.technology = await choose(
      'Which technology?',
      radar.blips.map((b) => ({ value: b.name, label: `${b.title} (${b.ring})` })),
    );
  }
  if (out.kind === 'new') {
    out.name ??= await ask('Short name (lower case, dashes)', 2, 'duckdb');
    out.title ??= await ask('Title', 1, 'DuckDB');
    out.quadrant ??= await choose(
      'Quadrant',
      radar.quadrants.map((q) => ({ value: q.id, label: q.title })),
    );
    out.description ??= await ask('What is it?', MIN_EVIDENCE);
    out.owner ??= await ask('Owner team');
  }
  out.targetRing ??= await choose(
    'Target ring',
    radar.rings.map((r) => ({ value: r.id, label: `${r.title}: ${r.description}` })),
  );
  if (!out.summary) out.summary = await ask('Why, in a sentence?', 10);
  for (const id of CRITERIA) {
    const c = { ...out.criteria[id] };
    if (!c.text)
      c.text = await ask(`${CRITERION_TEXT[id].title}: ${CRITERION_TEXT[id].question}`, MIN_EVIDENCE);
    if (id === 'marketPresence' && !c.since)
      c.since = await ask('First released (year or year-month)', 4, '2019');
    if (id === 'teamTesting' && !c.team) c.team = await ask('Which team tested it?');
    if (id === 'teamTesting' && !c.report) c.report = await ask('Link to their test report', 8, 'https://');
    out.criteria[id] = c;
  }
  return out;
}

/** Whether a person still has something to fill in. */
export function isIncomplete(body: Body): boolean {
  const c = body.criteria;
  return (
    !body.targetRing ||
    !body.summary ||
    (body.kind === 'move' ? !body.technology : !body.name) ||
    CRITERIA.some((id) => !c[id]?.text) ||
    !c.marketPresence?.since ||
    !c.teamTesting?.team ||
    !c.teamTesting?.report
  );
}
