import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { parseYamlBounded } from '../core/yaml-limits.js';
import type { DocsProblem } from './problem-codes.js';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}' });

/** The fields a page may declare at its top, between `---` lines. */
export const FrontMatterSchema = Type.Object({
  title: Type.Optional(Type.String({ maxLength: 200 })),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 30 })),
  owner: Type.Optional(Type.String({ maxLength: 200 })),
  audience: Type.Optional(Type.String({ maxLength: 100 })),
  /** The day someone last checked the page against the platform (YYYY-MM-DD). */
  verified: Type.Optional(IsoDate),
  /** Position among its siblings in the navigation (lower first). */
  order: Type.Optional(Type.Number()),
});
export type FrontMatter = Type.Static<typeof FrontMatterSchema>;

export interface SplitPage {
  data: FrontMatter;
  /** The Markdown after the front matter. */
  body: string;
  /** Lines taken by the front matter: a body line plus this is the file line. */
  lineOffset: number;
  problems: DocsProblem[];
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Splits a page into its front matter and its Markdown. An invalid front matter is a problem at its
 * line; the page is still shown with the fields that were valid.
 */
export function splitFrontMatter(text: string, file: string): SplitPage {
  const match = FENCE.exec(text);
  if (!match) return { data: {}, body: text, lineOffset: 0, problems: [] };
  const lineOffset = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  const body = text.slice(match[0].length);
  const problems: DocsProblem[] = [];
  let raw: unknown;
  try {
    // Bounded: a page from any catalog location may carry front matter nested to crash a parser.
    raw = parseYamlBounded(match[1] ?? '', { maxAliasCount: 50 }, { logLevel: 'error' }) ?? {};
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    problems.push({
      code: 'DOCS_FRONT_MATTER',
      severity: 'error',
      file,
      line: line + 1,
      message: `The front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    });
    return { data: {}, body, lineOffset, problems };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({
      code: 'DOCS_FRONT_MATTER',
      severity: 'error',
      file,
      line: 2,
      message: 'The front matter must be a mapping of fields',
    });
    return { data: {}, body, lineOffset, problems };
  }
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    // YAML reads an unquoted 2026-11-01 as a date; the page means the day.
    const normal = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    const schema = FrontMatterSchema.properties[key as keyof FrontMatter];
    if (!schema) continue;
    if (Value.Check(schema, normal)) {
      data[key] = normal;
    } else {
      const first = [...Value.Errors(schema, normal)][0];
      problems.push({
        code: 'DOCS_FRONT_MATTER',
        severity: 'warning',
        file,
        line: lineOf(match[1] ?? '', key) + 1,
        message: `Front matter field '${key}' ${first?.message ?? 'is invalid'}`,
      });
    }
  }
  return { data: data as FrontMatter, body, lineOffset, problems };
}

function lineOf(yaml: string, key: string): number {
  const index = yaml.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return index < 0 ? 1 : index + 1;
}
