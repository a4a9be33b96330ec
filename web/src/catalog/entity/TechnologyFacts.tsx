import { Anchor, Text, Timeline } from '@mantine/core';
import { IconRadar2 } from '@tabler/icons-react';
import type { EntityDetail } from '../../api/catalog-types.js';
import { StateBadge, type StateTone } from '../../components/StateBadge.js';
import { FactCard, FactList, FactRow } from './FactCard.js';
import { specText, writtenEntity } from './spec.js';

const rings: Record<string, { tone: StateTone; hint: string }> = {
  adopt: { tone: 'ok', hint: 'Use it: the default, supported by the Keepers.' },
  trial: { tone: 'info', hint: 'Use it on a real project and tell others how it went.' },
  assess: { tone: 'warn', hint: 'Worth a look; not for production yet.' },
  hold: { tone: 'danger', hint: 'Do not start anything new with it.' },
};

/** A ring of the radar in words, with what it asks of people. */
export function RingBadge({ ring }: { ring: string }) {
  return (
    <StateBadge tone={rings[ring]?.tone ?? 'off'}>{ring.charAt(0).toUpperCase() + ring.slice(1)}</StateBadge>
  );
}

/** `languages-frameworks` → "Languages & frameworks". */
function quadrantLabel(quadrant: string): string {
  const words = quadrant.replace(/-/g, ' & ').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface RingChange {
  date?: string;
  ring?: string;
  reason?: string;
}

function RingHistory({ history }: { history: RingChange[] }) {
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No moves recorded yet.
      </Text>
    );
  }
  // Newest first: what people ask is "why is it where it is now?"
  const newestFirst = [...history].reverse();
  return (
    <Timeline active={0} bulletSize={14} lineWidth={2} data-testid="ring-history">
      {newestFirst.map((change) => (
        <Timeline.Item
          key={`${change.date}-${change.ring}`}
          title={
            <>
              {change.ring && <RingBadge ring={change.ring} />}{' '}
              <Text span size="sm" c="dimmed" ml={6}>
                {change.date}
              </Text>
            </>
          }
        >
          {change.reason && (
            <Text size="sm" mt={4}>
              {change.reason}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** Where a technology sits on the radar, what that asks of people, and how it got there. */
export function TechnologyFacts({ detail }: { detail: EntityDetail }) {
  const ring = specText(detail, 'ring');
  const quadrant = specText(detail, 'quadrant');
  const homepage = specText(detail, 'homepage');
  const raw = writtenEntity(detail).spec?.history;
  const history = Array.isArray(raw) ? (raw as RingChange[]) : [];
  return (
    <FactCard title="On the radar" icon={<IconRadar2 size={18} />}>
      <FactList>
        {ring && (
          <FactRow label="Ring">
            <RingBadge ring={ring} />
            {rings[ring] && (
              <Text size="xs" c="dimmed" mt={4}>
                {rings[ring].hint}
              </Text>
            )}
          </FactRow>
        )}
        {quadrant && <FactRow label="Quadrant">{quadrantLabel(quadrant)}</FactRow>}
        {homepage && (
          <FactRow label="Homepage">
            <Anchor href={homepage} target="_blank" rel="noreferrer" size="sm">
              {homepage}
            </Anchor>
          </FactRow>
        )}
        <FactRow label="Ring history">
          <RingHistory history={history} />
        </FactRow>
      </FactList>
    </FactCard>
  );
}
