import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { IconArrowUpRight, IconChevronRight, IconCompass } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { StartLinkInfo } from '../api/types.js';
import { useMyGuides } from '../docs/docs-queries.js';
import { HomeCardHeader } from './HomeCardHeader.js';
import { featuredGuide, StartHereGuide } from './StartHereGuide.js';

function StartLinkBody({ link, external }: { link: StartLinkInfo; external: boolean }) {
  return (
    <Group wrap="nowrap" gap="md" p="sm">
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text fw={600} size="sm" c="var(--mantine-color-anchor)">
          {link.title}
        </Text>
        <Text size="sm" c="dimmed">
          {link.description}
        </Text>
      </Stack>
      {external ? <IconArrowUpRight size={18} /> : <IconChevronRight size={18} />}
    </Group>
  );
}

function StartLink({ link }: { link: StartLinkInfo }) {
  // Keepers may point at portal paths (/docs) or at other tools (https://...).
  const external = /^[a-z][a-z0-9+.-]*:/i.test(link.href);
  if (external) {
    return (
      <Anchor
        href={link.href}
        target="_blank"
        rel="noreferrer"
        underline="never"
        c="inherit"
        className="plinth-start-link"
      >
        <StartLinkBody link={link} external />
      </Anchor>
    );
  }
  return (
    <Anchor component={Link} to={link.href} underline="never" c="inherit" className="plinth-start-link">
      <StartLinkBody link={link} external={false} />
    </Anchor>
  );
}

/**
 * Home's "Start here": the person's starting guide with their progress, then the other starting
 * points the Keepers wrote in the platform repo.
 */
export function StartHereCard({ links }: { links: StartLinkInfo[] }) {
  const hrefs = links.map((l) => l.href);
  // The guide is shown with its progress above, so its link is not repeated below.
  const guide = featuredGuide(useMyGuides().data?.items ?? [], hrefs);
  const others = links.filter((l) => l.href !== guide?.url);
  return (
    <Card h="100%" data-testid="start-here">
      <HomeCardHeader icon={<IconCompass size={18} />} title="Start here" />
      <StartHereGuide hrefs={hrefs} />
      {others.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          Keepers add more starting points under “startHere” in the platform repo; they will appear here.
        </Text>
      ) : (
        <Stack gap={4} mt="sm">
          {others.map((link) => (
            <StartLink key={link.href + link.title} link={link} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
