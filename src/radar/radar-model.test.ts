import { describe, expect, test } from 'vitest';
import { DEFAULT_QUADRANTS } from './config-schema.js';
import { buildRadar, changeOf, type TechnologyRecord } from './radar-model.js';

const NOW = Date.parse('2026-11-28T12:00:00Z');

const tech = (name: string, over: Partial<TechnologyRecord> = {}): TechnologyRecord => ({
  ref: `technology:default/${name}`,
  name,
  title: name.toUpperCase(),
  description: null,
  owner: null,
  tags: [],
  links: [],
  quadrant: 'tools',
  ring: 'adopt',
  homepage: null,
  history: [],
  location: 'platform',
  file: 'technologies.yaml',
  line: 1,
  ...over,
});

describe('the radar model', () => {
  test('a technology is new while its only placement is recent, moved while its last move is', () => {
    expect(changeOf([{ date: '2026-10-01', ring: 'assess' }], NOW, 180)).toEqual({
      change: 'new',
      movedAt: '2026-10-01',
    });
    const moves = [
      { date: '2025-01-10', ring: 'assess' },
      { date: '2026-09-01', ring: 'trial' },
    ];
    expect(changeOf(moves, NOW, 180)).toEqual({ change: 'moved', movedAt: '2026-09-01' });
    expect(changeOf(moves, NOW, 30)).toEqual({ change: null, movedAt: '2026-09-01' });
    // Order in the file does not matter: the latest date counts.
    expect(changeOf([...moves].reverse(), NOW, 180).movedAt).toBe('2026-09-01');
    expect(changeOf([], NOW, 180)).toEqual({ change: null, movedAt: null });
  });

  test('a technology in a quadrant that is not configured is not placed, with its file and line', () => {
    const radar = buildRadar(
      [tech('uv'), tech('cobol', { quadrant: 'mainframes', file: 'legacy.yaml', line: 12 })],
      { quadrants: DEFAULT_QUADRANTS, recentDays: 180 },
      NOW,
    );
    expect(radar.blips.map((b) => b.name)).toEqual(['uv']);
    expect(radar.notPlaced).toEqual([
      {
        ref: 'technology:default/cobol',
        title: 'COBOL',
        quadrant: 'mainframes',
        ring: 'adopt',
        reason: expect.stringContaining("quadrant 'mainframes' is not configured"),
      },
    ]);
    expect(radar.notPlaced[0]?.reason).toContain('legacy.yaml:12');
  });

  test('the blip carries the moved flag and the history with reasons', () => {
    const radar = buildRadar(
      [tech('uv', { ring: 'trial', history: [{ date: '2026-11-01', ring: 'trial', reason: 'Fast' }] })],
      { quadrants: DEFAULT_QUADRANTS, recentDays: 180 },
      NOW,
    );
    expect(radar.blips[0]).toMatchObject({
      number: 1,
      change: 'new',
      moved: true,
      history: [{ date: '2026-11-01', ring: 'trial', reason: 'Fast' }],
    });
  });
});
