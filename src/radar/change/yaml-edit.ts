import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseAllDocuments,
  Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { PLINTH_V1ALPHA1 } from '../../catalog/index.js';

/** One move, as written into a technology's history. */
export interface HistoryEntry {
  date: string;
  ring: string;
  reason: string;
}

export interface NewTechnology {
  name: string;
  title: string;
  description: string;
  quadrant: string;
  ring: string;
  owner: string;
  homepage?: string;
  history: HistoryEntry[];
}

const RENDER = { lineWidth: 0, flowCollectionPadding: false } as const;

/** A history entry as YAML nodes: the date quoted, as the demo files write it, so it stays a string. */
function entryNode(doc: Document, entry: HistoryEntry): Node {
  const node = doc.createNode({ date: entry.date, ring: entry.ring, reason: entry.reason }) as YAMLMap;
  const date = node.get('date', true);
  if (isScalar(date)) date.type = Scalar.QUOTE_SINGLE;
  return node;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** The offset just after the line holding `at - 1`: where a new line goes after a node ending at `at`. */
function afterLine(text: string, at: number): number {
  const newline = text.indexOf('\n', Math.max(0, at - 1));
  return newline === -1 ? text.length : newline + 1;
}

function indent(block: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return block
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

/** Renders `- date: …` lines for one entry (ending with a newline), unindented. */
function renderEntry(entry: HistoryEntry): string {
  const doc = new Document([]);
  (doc.contents as YAMLSeq).items.push(entryNode(doc, entry));
  return doc.toString(RENDER);
}

/**
 * Edits the text in place of the parsed nodes: only the ring's scalar changes and the new history
 * entry is inserted after the last one, so every comment, folded paragraph and blank line elsewhere
 * stays exactly as it was. Returns null when the layout is unusual (flow style); the caller then
 * renders the whole document through the Document API.
 */
function spliceMove(text: string, spec: YAMLMap, ring: string, entry: HistoryEntry): string | null {
  if (spec.flow) return null;
  const ringNode = spec.get('ring', true);
  const history = spec.get('history', true);
  if (!isScalar(ringNode) || !ringNode.range) return null;
  let insertAt: number;
  let block: string;
  if (isSeq(history) && !history.flow && history.items.length > 0) {
    const first = history.items[0] as Node;
    const last = history.items[history.items.length - 1] as Node;
    if (!first.range || !last.range) return null;
    const dashLine = text.slice(lineStart(text, first.range[0]), first.range[0]);
    const dash = dashLine.indexOf('-');
    if (dash < 0) return null;
    insertAt = afterLine(text, last.range[1]);
    block = indent(renderEntry(entry), dash);
  } else if (history === undefined) {
    const firstKey = spec.items[0]?.key as Node | undefined;
    const lastItem = spec.items[spec.items.length - 1];
    const lastEnd = (lastItem?.value as Node | undefined)?.range?.[1];
    if (!firstKey?.range || lastEnd === undefined) return null;
    const keyIndent = firstKey.range[0] - lineStart(text, firstKey.range[0]);
    insertAt = afterLine(text, lastEnd);
    block = `${' '.repeat(keyIndent)}history:\n${indent(renderEntry(entry), keyIndent + 2)}`;
  } else {
    return null;
  }
  const [ringStart, ringEnd] = ringNode.range;
  const prefix = insertAt === text.length && !text.endsWith('\n') ? '\n' : '';
  const withEntry = `${text.slice(0, insertAt)}${prefix}${block}${text.slice(insertAt)}`;
  return `${withEntry.slice(0, ringStart)}${ring}${withEntry.slice(ringEnd)}`;
}

/**
 * Moves the technology `name` to `ring` in a catalog file's text and appends `entry` to its history.
 * Only that document changes, and within it only the ring and the new entry, checked by parsing the
 * result again: it must equal what the Document API says the edited document is.
 * @throws Error when the file defines no Technology of that name.
 */
export function moveTechnology(text: string, name: string, ring: string, entry: HistoryEntry): string {
  const docs = parseAllDocuments(text);
  const index = docs.findIndex(
    (d) => d.get('kind') === 'Technology' && d.getIn(['metadata', 'name']) === name,
  );
  const doc = docs[index];
  if (!doc) throw new Error(`the file defines no Technology named '${name}'`);
  const spec = doc.get('spec', true);
  if (!isMap(spec)) throw new Error(`Technology '${name}' has no spec mapping`);
  const expected = doc.clone();
  expected.setIn(['spec', 'ring'], ring);
  if (expected.hasIn(['spec', 'history'])) {
    (expected.getIn(['spec', 'history']) as YAMLSeq).items.push(entryNode(expected, entry));
  } else {
    expected.setIn(['spec', 'history'], expected.createNode([]));
    (expected.getIn(['spec', 'history']) as YAMLSeq).items.push(entryNode(expected, entry));
  }
  const spliced = spliceMove(text, spec, ring, entry);
  if (spliced !== null) {
    const again = parseAllDocuments(spliced);
    const same =
      again.length === docs.length &&
      again.every((d, i) => isDeepStrictEqual(d.toJS(), i === index ? expected.toJS() : docs[i]?.toJS()));
    if (same) return spliced;
  }
  // Unusual layout: render this one document again; the others keep their text.
  const [start, , end] = doc.range;
  return `${text.slice(0, start)}${expected.toString(RENDER)}${text.slice(end)}`;
}

/** Appends a new Technology document to a catalog file's text (or starts the file). */
export function appendTechnology(text: string | null, technology: NewTechnology): string {
  const doc = new Document({
    apiVersion: PLINTH_V1ALPHA1,
    kind: 'Technology',
    metadata: { name: technology.name, title: technology.title, description: technology.description },
    spec: {
      quadrant: technology.quadrant,
      ring: technology.ring,
      owner: technology.owner,
      ...(technology.homepage ? { homepage: technology.homepage } : {}),
      history: [],
    },
  });
  const history = doc.getIn(['spec', 'history']) as YAMLSeq;
  for (const entry of technology.history) history.items.push(entryNode(doc, entry));
  const rendered = doc.toString(RENDER);
  if (text === null || text.trim() === '') return rendered;
  return `${text}${text.endsWith('\n') ? '' : '\n'}---\n${rendered}`;
}
