/** A top-level block of a Terraform file, found by matching braces (strings and comments skipped). */
export interface HclBlock {
  /** `resource`, `locals`, `variable`... */
  type: string;
  labels: string[];
  body: string;
  offset: number;
}

const HEADER = /^[ \t]*(resource|data|locals|variable|module|provider|terraform)((?:\s+"[^"]*")*)\s*\{/gm;

/**
 * The top-level blocks of an HCL text. Not a full parser: enough to find a resource's body,
 * which is what the storage checks need; what it cannot read is reported as missing, never passed.
 */
export function hclBlocks(text: string): HclBlock[] {
  const blocks: HclBlock[] = [];
  for (const m of text.matchAll(HEADER)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const close = matchingBrace(text, open);
    if (close < 0) continue;
    blocks.push({
      type: m[1] ?? '',
      labels: [...(m[2] ?? '').matchAll(/"([^"]*)"/g)].map((l) => l[1] ?? ''),
      body: text.slice(open + 1, close),
      offset: m.index ?? 0,
    });
  }
  return blocks;
}

export function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The keys of a map attribute (`tags = { owner = ... }`) or of the locals it refers to (`tags = local.tags`). */
export function mapKeys(body: string, attribute: string, locals: Map<string, string>): Set<string> {
  const keys = new Set<string>();
  const attr = new RegExp(`(?:^|\\n)\\s*${attribute}\\s*=\\s*([^\\n]*)`).exec(body);
  if (!attr) return keys;
  const start = body.indexOf('=', attr.index) + 1;
  const rest = body.slice(start);
  const expression = rest.trimStart().startsWith('{')
    ? rest.slice(0, matchingBrace(rest, rest.indexOf('{')) + 1)
    : (attr[1] ?? '');
  for (const k of expression.matchAll(/["']?([A-Za-z0-9_.-]+)["']?\s*=/g)) keys.add(normalize(k[1] ?? ''));
  for (const ref of expression.matchAll(/local\.([A-Za-z0-9_]+)/g)) {
    const local = locals.get(ref[1] ?? '');
    if (local)
      for (const k of local.matchAll(/["']?([A-Za-z0-9_.-]+)["']?\s*=/g)) keys.add(normalize(k[1] ?? ''));
  }
  return keys;
}

/** Tag keys compared without case and with `_` and `-` alike (GCP labels allow no dashes in some tools). */
export function normalize(key: string): string {
  return key.toLowerCase().replaceAll('_', '-');
}

/** Each local's expression text, by name, from every `locals` block of the files. */
export function localsOf(texts: string[]): Map<string, string> {
  const locals = new Map<string, string>();
  for (const text of texts) {
    for (const block of hclBlocks(text).filter((b) => b.type === 'locals')) {
      for (const m of block.body.matchAll(/^\s*([A-Za-z0-9_]+)\s*=\s*/gm)) {
        const from = (m.index ?? 0) + m[0].length;
        const rest = block.body.slice(from);
        const value = rest.startsWith('{')
          ? rest.slice(0, matchingBrace(rest, 0) + 1)
          : (rest.split('\n')[0] ?? '');
        locals.set(m[1] ?? '', value);
      }
    }
  }
  return locals;
}
