import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseQuery } from '../../src/search/index.js';
import { runSearch } from '../../src/search/search-service.js';
import { testDatabases } from '../helpers/databases.js';
import { doc, ListSource, openTestIndex } from './search-fixture.js';

type Opened = Awaited<ReturnType<typeof openTestIndex>>;

const CORPUS = [
  // No name: an exact-match test on a missing name must not float it to the top.
  doc('doc:platform:', { title: 'Welcome', body: 'Everything here starts with PyTorch.' }),
  doc('entity:component:default/pytorch', {
    type: 'entity',
    title: 'PyTorch',
    name: 'pytorch',
    kind: 'component',
    owner: 'group:default/ml-platform',
    tags: ['python', 'deep-learning', 'gpu'],
    summary: 'Tensors and dynamic neural networks in Python with strong GPU acceleration',
    body: 'The deep learning framework most of our models are trained with.',
  }),
  doc('entity:component:default/jax', {
    type: 'entity',
    title: 'JAX',
    name: 'jax',
    kind: 'component',
    owner: 'group:default/ml-platform',
    tags: ['python', 'gpu'],
    summary: 'Composable transformations of Python and NumPy programs',
    body: 'Used by the protein team; converting a PyTorch checkpoint to JAX is described in the guide.',
  }),
  doc('doc:platform/guides/first-job', {
    type: 'guide',
    title: 'Run your first job on the cluster',
    name: 'first-job',
    owner: 'group:default/keepers',
    tags: ['slurm', 'compute'],
    summary: 'Submit a training run to Slurm and follow its log',
    body: 'Write a job spec, submit it with plinth job submit, and watch the log. Training a PyTorch model on one GPU.',
  }),
  doc('doc:platform/practices/secrets', {
    type: 'practice',
    title: 'Handling secrets',
    name: 'secrets',
    owner: 'group:default/keepers',
    tags: ['security'],
    summary: 'Where secrets live and where they never go',
    body: 'Never commit a token. Studies of leaked credentials show <script>alert(1)</script> is not a password.',
  }),
  doc('doc:platform/data', {
    type: 'doc',
    title: 'Data management',
    name: 'data',
    owner: 'group:default/data-stewards',
    tags: ['data', 'dvc'],
    summary: 'Versioning datasets with DVC',
    body: 'Every dataset used in a paper is versioned. The study of reproducibility starts with data.',
  }),
];

describe.each(testDatabases())('one search suite on the %s engine', (database) => {
  let t: Opened;
  let source: ListSource;
  const search = (q: string, extra: Record<string, unknown> = {}) => runSearch(t.index, { q, ...extra });
  const ids = async (q: string, extra: Record<string, unknown> = {}) =>
    (await search(q, extra)).items.map((i) => i.id);

  beforeAll(async () => {
    t = await openTestIndex(database);
    source = new ListSource('test', CORPUS);
    t.index.register(source);
    await t.index.refresh('test');
  });
  afterAll(async () => t?.close());

  test('a title match ranks above a body match', async () => {
    const found = await ids('pytorch ');
    expect(found[0]).toBe('entity:component:default/pytorch');
    expect(found).toContain('entity:component:default/jax');
    expect(found).toContain('doc:platform/guides/first-job');
  });

  test('an exact title or name comes first even against many mentions', async () => {
    const found = await ids('jax ');
    expect(found[0]).toBe('entity:component:default/jax');
    expect((await search('jax ')).items[0]?.exact).toBe(true);
    expect((await ids('data management '))[0]).toBe('doc:platform/data');
  });

  test('the last word matches as a prefix while typing', async () => {
    expect(await ids('pyto')).toContain('entity:component:default/pytorch');
    // Longer than the prefix indexes: still found.
    expect(await ids('pytorc')).toContain('entity:component:default/pytorch');
    expect(await ids('learning fram')).toEqual(['entity:component:default/pytorch']);
    expect(await ids('first jo')).toEqual(['doc:platform/guides/first-job']);
    // Found as a prefix, not as a typo to correct.
    expect((await search('pyto')).corrected).toBeNull();
  });

  test('a typo still finds what was meant: "pytroch" finds PyTorch', async () => {
    const result = await search('pytroch ');
    expect(result.items.map((i) => i.id)).toContain('entity:component:default/pytorch');
    expect(result.corrected).not.toBeNull();
  });

  test('word forms match: "studies" finds "study"', async () => {
    expect(await ids('study ')).toEqual(
      expect.arrayContaining(['doc:platform/practices/secrets', 'doc:platform/data']),
    );
  });

  test('facets count matches by type, kind, owner and tag; filters narrow', async () => {
    const result = await search('pytorch ', { facets: true });
    expect(result.total).toBe(4);
    expect(result.facets?.type).toEqual(
      expect.arrayContaining([
        { value: 'entity', count: 2 },
        { value: 'guide', count: 1 },
      ]),
    );
    expect(result.facets?.kind).toEqual([{ value: 'component', count: 2 }]);
    expect(result.facets?.tag).toEqual(expect.arrayContaining([{ value: 'gpu', count: 2 }]));
    expect(await ids('pytorch ', { type: 'guide' })).toEqual(['doc:platform/guides/first-job']);
    expect(await ids('pytorch ', { tag: 'slurm' })).toEqual(['doc:platform/guides/first-job']);
    expect(await ids('pytorch ', { owner: 'group:default/ml-platform' })).toHaveLength(2);
    // A facet ignores its own filter, so the other types stay visible to switch to.
    const filtered = await search('pytorch ', { type: 'guide', facets: true });
    expect(filtered.total).toBe(1);
    expect(filtered.facets?.type.map((f) => f.value).sort()).toEqual(['doc', 'entity', 'guide']);
  });

  test('snippets mark the matched words and escape everything else', async () => {
    const hit = (await search('password ')).items[0];
    expect(hit?.snippet).toContain('<mark>password</mark>');
    // Only <mark> is markup: the engine's text (PostgreSQL drops tags, SQLite keeps them) is escaped.
    expect(hit?.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  test('pages follow the cursor', async () => {
    const first = await search('python ', { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await search('python ', { limit: 1, cursor: first.nextCursor });
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  test('a refresh rewrites only what changed and removes what left the source', async () => {
    source.set([
      ...CORPUS.filter((d) => d.id !== 'entity:component:default/jax').map((d) =>
        d.id === 'doc:platform/data' ? { ...d, title: 'Data stewardship', hash: 'changed' } : d,
      ),
    ]);
    const counts = await t.index.refresh('test');
    expect(counts).toMatchObject({ written: 1, removed: 1 });
    expect(await ids('jax ')).not.toContain('entity:component:default/jax');
    expect((await ids('stewardship '))[0]).toBe('doc:platform/data');
    expect(await t.index.refresh('test')).toMatchObject({ written: 0, removed: 0 });
  });

  test('query syntax of either engine is only text: nothing typed can break a search', async () => {
    for (const q of ['"', 'a*', 'NEAR(a b)', 'x:*', '!&|', "' or 1=1 --", 'title:pytorch', '(', '\u0002']) {
      await expect(search(q)).resolves.toBeDefined();
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (q) => {
        const result = await search(q);
        expect(Array.isArray(result.items)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('parseQuery', () => {
  test('keeps only words, lower-cased, at most eight', () => {
    expect(parseQuery('PyTorch: "GPU" training!').terms).toEqual(['pytorch', 'gpu', 'training']);
    expect(parseQuery('a b c d e f g h i j').terms).toHaveLength(8);
    expect(parseQuery('pyto').prefix).toBe(true);
    expect(parseQuery('pytorch ').prefix).toBe(false);
  });

  test('terms never carry anything but letters and digits', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const term of parseQuery(text).terms) expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
    );
  });
});
