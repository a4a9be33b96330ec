import { Box, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { Blip, RadarView } from '../api/radar-types.js';
import { BlipMarker } from './BlipMark.js';
import { quadrantColor, quadrantTextColor } from './radar-geometry.js';

export interface RadarLegendProps {
  radar: RadarView;
  blips: Blip[];
  quadrant: string | null;
  highlighted: number | null;
  onHighlight: (number: number | null) => void;
  onSelect: (blip: Blip) => void;
}

/** The list beside the drawing: by quadrant, then ring, numbers matching the blips; hovering one lights its blip. */
export function RadarLegend({
  radar,
  blips,
  quadrant,
  highlighted,
  onHighlight,
  onSelect,
}: RadarLegendProps) {
  const quadrants = radar.quadrants.filter((q) => !quadrant || q.id === quadrant);
  return (
    <SimpleGrid
      cols={quadrant ? 1 : 2}
      spacing="lg"
      verticalSpacing="lg"
      data-testid="radar-legend"
      className="radar-legend"
    >
      {quadrants.map((q) => {
        const index = radar.quadrants.indexOf(q);
        const inQuadrant = blips.filter((b) => b.quadrant === q.id);
        return (
          <Box key={q.id} data-quadrant={q.id}>
            <Title order={3} size="h4" c={quadrantTextColor(index)} mb={4}>
              {q.title}
            </Title>
            {inQuadrant.length === 0 && (
              <Text size="sm" c="dimmed">
                Nothing here{blips.length > 0 ? ' with these filters' : ''}.
              </Text>
            )}
            {radar.rings.map((ring) => {
              const items = inQuadrant.filter((b) => b.ring === ring.id);
              if (items.length === 0) return null;
              return (
                <Box key={ring.id} mb={6}>
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 1 }}>
                    {ring.title}
                  </Text>
                  <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {items.map((blip) => (
                      <li key={blip.ref}>
                        <UnstyledButton
                          data-testid="radar-legend-item"
                          data-number={blip.number}
                          onMouseEnter={() => onHighlight(blip.number)}
                          onMouseLeave={() => onHighlight(null)}
                          onFocus={() => onHighlight(blip.number)}
                          onBlur={() => onHighlight(null)}
                          onClick={() => onSelect(blip)}
                          px={4}
                          py={1}
                          w="100%"
                          style={{
                            borderRadius: 4,
                            background:
                              highlighted === blip.number ? 'var(--mantine-color-default-hover)' : undefined,
                          }}
                        >
                          <Text
                            size="sm"
                            component="span"
                            style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}
                          >
                            <Text span fw={600} w={22} ta="right" size="sm">
                              {blip.number}
                            </Text>
                            {blip.title}
                            {blip.change && (
                              <BlipMarker
                                change={blip.change}
                                color={quadrantColor(index, 7)}
                                label={blip.change === 'new' ? 'new' : 'moved recently'}
                              />
                            )}
                          </Text>
                        </UnstyledButton>
                      </li>
                    ))}
                  </Stack>
                </Box>
              );
            })}
          </Box>
        );
      })}
    </SimpleGrid>
  );
}
