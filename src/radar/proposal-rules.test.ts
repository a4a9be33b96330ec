import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type ProposalFacts, proposalProblems } from './proposal-rules.js';
import { CRITERIA, type ProposalInput } from './schemas.js';

const facts: ProposalFacts = {
  quadrants: ['tools', 'platforms'],
  currentRing: 'assess',
  nameTaken: false,
  teamExists: (name) => name === 'climate',
};

const text = fc.string({ minLength: 25, maxLength: 80 }).filter((s) => s.trim().length >= 20);
const url = fc.webUrl({ validSchemes: ['https'] });
const evidence = fc.record({ text, links: fc.array(url, { maxLength: 3 }) });

const validInput: fc.Arbitrary<ProposalInput> = fc.record({
  kind: fc.constant('new' as const),
  name: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/),
  title: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
  quadrant: fc.constantFrom('tools', 'platforms'),
  description: text,
  homepage: url,
  owner: fc.constant('climate'),
  targetRing: fc.constantFrom('adopt' as const, 'trial' as const, 'assess' as const, 'hold' as const),
  summary: text,
  criteria: fc.record({
    marketPresence: evidence.map((e) => ({ ...e, since: '2019' })),
    relevance: evidence,
    integration: evidence,
    teamTesting: evidence.map((e) => ({ ...e, team: 'climate', report: 'https://wiki.example/report' })),
    essentiality: evidence,
    consensus: evidence,
  }),
});

describe('proposal rules', () => {
  test('a complete proposal has no problem', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        expect(proposalProblems(input, facts)).toEqual([]);
      }),
    );
  });

  test('emptying any criterion’s evidence is reported at that criterion’s text field', () => {
    fc.assert(
      fc.property(validInput, fc.constantFrom(...CRITERIA), (input, id) => {
        const broken = {
          ...input,
          criteria: { ...input.criteria, [id]: { ...input.criteria[id], text: ' ' } },
        };
        const fields = proposalProblems(broken as ProposalInput, facts).map((p) => p.field);
        expect(fields).toEqual([`criteria.${id}.text`]);
      }),
    );
  });

  test('a link that is not a web address is reported at its index', () => {
    fc.assert(
      fc.property(
        validInput,
        fc.string().filter((s) => !/^https?:\/\//.test(s)),
        (input, bad) => {
          const broken = {
            ...input,
            criteria: { ...input.criteria, relevance: { text: input.criteria.relevance.text, links: [bad] } },
          };
          expect(proposalProblems(broken, facts).map((p) => p.field)).toEqual(['criteria.relevance.links.0']);
        },
      ),
    );
  });

  test('a move must name an existing technology and another ring', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const move = { ...input, kind: 'move' as const, technology: 'duckdb' };
        expect(proposalProblems(move, { ...facts, currentRing: null }).map((p) => p.field)).toEqual([
          'technology',
        ]);
        const same = proposalProblems({ ...move, targetRing: 'assess' }, facts).map((p) => p.field);
        expect(same).toEqual(['targetRing']);
      }),
    );
  });

  test('a new technology needs a free name, a configured quadrant and an existing owner team', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const problems = proposalProblems(
          { ...input, quadrant: 'nowhere', owner: 'ghosts' },
          { ...facts, nameTaken: true },
        );
        expect(problems.map((p) => p.field)).toEqual(['name', 'quadrant', 'owner']);
        expect(problems[0]?.message).toContain('already on the radar');
      }),
    );
  });

  test('never throws on arbitrary text anywhere', () => {
    fc.assert(
      fc.property(validInput, fc.string(), fc.string(), (input, a, b) => {
        const odd = {
          ...input,
          name: a,
          homepage: b,
          criteria: { ...input.criteria, marketPresence: { text: a, links: [b], since: b } },
        };
        expect(Array.isArray(proposalProblems(odd, facts))).toBe(true);
      }),
    );
  });
});
