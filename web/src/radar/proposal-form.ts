import { CRITERIA, type CriterionId } from '../../../src/radar/criteria.js';
import {
  type FieldProblem,
  type ProposalFacts,
  proposalProblems,
} from '../../../src/radar/proposal-rules.js';
import type { ProposalInput, RadarView } from '../api/radar-types.js';

/** The form's values: the proposal, with each criterion's links as one text (a link per line). */
export interface ProposalFormValues {
  kind: 'move' | 'new';
  technology: string;
  name: string;
  title: string;
  quadrant: string;
  description: string;
  homepage: string;
  owner: string;
  targetRing: string;
  summary: string;
  criteria: Record<CriterionId, { text: string; links: string }> & {
    marketPresence: { since: string };
    teamTesting: { team: string; report: string };
  };
}

export function emptyProposal(technology?: string): ProposalFormValues {
  const criteria = Object.fromEntries(
    CRITERIA.map((id) => [id, { text: '', links: '' }]),
  ) as ProposalFormValues['criteria'];
  criteria.marketPresence.since = '';
  criteria.teamTesting.team = '';
  criteria.teamTesting.report = '';
  return {
    kind: technology ? 'move' : 'new',
    technology: technology ?? '',
    name: '',
    title: '',
    quadrant: '',
    description: '',
    homepage: '',
    owner: '',
    targetRing: '',
    summary: '',
    criteria,
  };
}

const lines = (text: string) =>
  text
    .split(/\s*\n\s*/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The API body from the form's values: only the fields that the kind of proposal uses. */
export function toInput(values: ProposalFormValues): ProposalInput {
  const c = values.criteria;
  const evidence = (id: CriterionId) => ({ text: c[id].text.trim(), links: lines(c[id].links) });
  const technology =
    values.kind === 'move'
      ? { technology: values.technology }
      : {
          name: values.name.trim(),
          title: values.title.trim(),
          quadrant: values.quadrant,
          description: values.description.trim(),
          homepage: values.homepage.trim() || undefined,
          owner: values.owner,
        };
  return {
    kind: values.kind,
    ...technology,
    targetRing: values.targetRing as ProposalInput['targetRing'],
    summary: values.summary.trim(),
    criteria: {
      marketPresence: { ...evidence('marketPresence'), since: c.marketPresence.since.trim() },
      relevance: evidence('relevance'),
      integration: evidence('integration'),
      teamTesting: {
        ...evidence('teamTesting'),
        team: c.teamTesting.team,
        report: c.teamTesting.report.trim(),
      },
      essentiality: evidence('essentiality'),
      consensus: evidence('consensus'),
    },
  };
}

/** The form field a problem belongs to (a link's index folds into its criterion's links box). */
export function formField(field: string): string {
  return field.replace(/^(criteria\.\w+\.links)\.\d+$/, '$1');
}

/** Which step of the form holds a field. */
export function stepOf(field: string): number {
  if (field.startsWith('criteria.')) return 2;
  if (field === 'targetRing' || field === 'summary') return 1;
  return 0;
}

/** The same rules the server applies, with what the page knows: the radar and the teams. */
export function checkProposal(
  values: ProposalFormValues,
  radar: RadarView | undefined,
  teams: string[] | undefined,
): FieldProblem[] {
  const input = toInput(values);
  const current = radar?.blips.find((b) => b.name === values.technology);
  const facts: ProposalFacts = {
    quadrants: radar?.quadrants.map((q) => q.id) ?? [],
    currentRing: current?.ring ?? null,
    nameTaken: radar?.blips.some((b) => b.name === values.name.trim()) ?? false,
    teamExists: (name) => (teams ? teams.includes(name) : true),
  };
  // A form without a chosen ring is incomplete, not wrong: say so at the ring.
  const problems = proposalProblems(
    { ...input, targetRing: input.targetRing || ('adopt' as const) },
    facts,
  ).filter((p) => values.targetRing || p.field !== 'targetRing');
  if (!values.targetRing) problems.push({ field: 'targetRing', message: 'Choose the ring it should be in' });
  return problems.map((p) => ({ ...p, field: formField(p.field) }));
}
