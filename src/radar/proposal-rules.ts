import { CRITERIA, type CriterionId } from './criteria.js';
import type { ProposalInput } from './schemas.js';

/** One problem of a proposal form, named by its dotted field path (`criteria.relevance.text`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** What the form cannot know by itself: the catalog, the teams and the configured quadrants. */
export interface ProposalFacts {
  quadrants: readonly string[];
  /** The current ring of the technology named for a move, or null when there is none. */
  currentRing: string | null;
  /** Whether the name of a new technology is already taken. */
  nameTaken: boolean;
  teamExists: (name: string) => boolean;
}

export const MIN_EVIDENCE = 20;
const NAME = /^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;
const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const SINCE = /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$/;

/** What each criterion asks, for forms, docs and messages. */
export const CRITERION_TEXT: Record<CriterionId, { title: string; question: string }> = {
  marketPresence: {
    title: 'Market presence',
    question: 'Since when has it existed, and is it still maintained and released?',
  },
  relevance: { title: 'Relevance', question: 'Who uses and supports it, here and elsewhere?' },
  integration: {
    title: 'Integration',
    question: 'Does it plug in as an extension, without altering the core of what we run?',
  },
  teamTesting: { title: 'Team testing', question: 'Which team tested it, and where is their report?' },
  essentiality: {
    title: 'Essentiality',
    question: 'What need does it meet that nothing on the radar meets?',
  },
  consensus: { title: 'Consensus', question: 'Who agrees, who was asked, and what did they say?' },
};

const blank = (value: string | undefined) => !value || value.trim() === '';

function checkEvidence(input: ProposalInput, facts: ProposalFacts, out: FieldProblem[]) {
  for (const id of CRITERIA) {
    const evidence = input.criteria[id];
    const field = `criteria.${id}`;
    const title = CRITERION_TEXT[id].title;
    if ((evidence.text ?? '').trim().length < MIN_EVIDENCE) {
      out.push({
        field: `${field}.text`,
        message: `${title}: write at least ${MIN_EVIDENCE} characters of evidence (${CRITERION_TEXT[id].question})`,
      });
    }
    (evidence.links ?? []).forEach((link, i) => {
      if (!URL_PATTERN.test(link)) {
        out.push({
          field: `${field}.links.${i}`,
          message: `${title}: '${link}' is not a web address (https://…)`,
        });
      }
    });
  }
  if (!SINCE.test(input.criteria.marketPresence.since ?? '')) {
    out.push({
      field: 'criteria.marketPresence.since',
      message: 'Market presence: give the year of its first release, as 2019 or 2019-06',
    });
  }
  const testing = input.criteria.teamTesting;
  if (blank(testing.team)) {
    out.push({ field: 'criteria.teamTesting.team', message: 'Team testing: name the team that tested it' });
  } else if (!facts.teamExists(testing.team)) {
    out.push({
      field: 'criteria.teamTesting.team',
      message: `Team testing: there is no team '${testing.team}'`,
    });
  }
  if (!URL_PATTERN.test(testing.report ?? '')) {
    out.push({
      field: 'criteria.teamTesting.report',
      message: 'Team testing: link to the team’s test report (https://…)',
    });
  }
}

function checkTechnology(input: ProposalInput, facts: ProposalFacts, out: FieldProblem[]) {
  if (input.kind === 'move') {
    if (blank(input.technology)) {
      out.push({ field: 'technology', message: 'Choose the technology to move' });
    } else if (facts.currentRing === null) {
      out.push({ field: 'technology', message: `There is no technology '${input.technology}' on the radar` });
    } else if (facts.currentRing === input.targetRing) {
      out.push({ field: 'targetRing', message: `It is already in ${input.targetRing}; choose another ring` });
    }
    return;
  }
  if (!NAME.test(input.name ?? '')) {
    out.push({
      field: 'name',
      message:
        'Give a short name of lower-case letters, digits and dashes, e.g. duckdb or great-expectations',
    });
  } else if (facts.nameTaken) {
    out.push({ field: 'name', message: `'${input.name}' is already on the radar; propose a move instead` });
  }
  if (blank(input.title)) out.push({ field: 'title', message: 'Give the name people know it by' });
  if (!facts.quadrants.includes(input.quadrant ?? '')) {
    out.push({ field: 'quadrant', message: `Choose a quadrant: ${facts.quadrants.join(', ')}` });
  }
  if ((input.description ?? '').trim().length < MIN_EVIDENCE) {
    out.push({ field: 'description', message: `Say what it is in at least ${MIN_EVIDENCE} characters` });
  }
  if (!blank(input.homepage) && !URL_PATTERN.test(input.homepage ?? '')) {
    out.push({ field: 'homepage', message: 'The homepage must be a web address (https://…)' });
  }
  if (blank(input.owner)) {
    out.push({ field: 'owner', message: 'Name the team that will own it' });
  } else if (!facts.teamExists(input.owner ?? '')) {
    out.push({ field: 'owner', message: `There is no team '${input.owner}'` });
  }
}

/** Every problem of a proposal, field by field; an empty list means it may be opened. */
export function proposalProblems(input: ProposalInput, facts: ProposalFacts): FieldProblem[] {
  const out: FieldProblem[] = [];
  checkTechnology(input, facts, out);
  if ((input.summary ?? '').trim().length < 10) {
    out.push({
      field: 'summary',
      message: 'Say in a sentence why (at least 10 characters): it becomes the reason in the history',
    });
  }
  checkEvidence(input, facts, out);
  return out;
}
