import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { IconUser, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { EntityDetail } from '../../api/catalog-types.js';
import { catalogHref } from '../../app/routes.js';
import { EntityLink } from '../EntityLink.js';
import { shortOwner } from '../refs.js';
import { FactCard, FactList, FactRow } from './FactCard.js';
import { specObject } from './spec.js';

/** Relation types these cards list themselves, so the Relations card does not repeat them. */
export const peopleRelations = { group: ['hasMember'], user: ['memberOf'] } as const;

function Profile({ detail }: { detail: EntityDetail }) {
  const profile = specObject(detail, 'profile');
  const name = typeof profile?.displayName === 'string' ? profile.displayName : undefined;
  const email = typeof profile?.email === 'string' ? profile.email : undefined;
  return (
    <>
      <FactRow label="Name">{name ?? detail.title ?? detail.name}</FactRow>
      <FactRow label="Email">
        {email ? (
          <Anchor href={`mailto:${email}`} size="sm">
            {email}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            Not given
          </Text>
        )}
      </FactRow>
    </>
  );
}

function RelatedList({ detail, type, empty }: { detail: EntityDetail; type: string; empty: string }) {
  const related = detail.relations.filter((r) => r.type === type);
  if (related.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} verticalSpacing={4} data-testid={`related-${type}`}>
      {related.map((r) => (
        <EntityLink key={r.target} entityRef={r.target} title={r.targetTitle} exists={r.exists} />
      ))}
    </SimpleGrid>
  );
}

/** A group's profile, its members, and what it owns. */
export function GroupFacts({ detail }: { detail: EntityDetail }) {
  const owns = detail.relations.filter((r) => r.type === 'ownerOf').length;
  return (
    <FactCard title="Profile and members" icon={<IconUsersGroup size={18} />}>
      <FactList>
        <Profile detail={detail} />
        <FactRow label="Members">
          <RelatedList detail={detail} type="hasMember" empty="No members listed in the catalog" />
        </FactRow>
        <FactRow label="Owns">
          {owns > 0 ? (
            <Anchor component={Link} to={catalogHref({ owner: shortOwner(detail.ref) })} size="sm">
              {owns} catalog {owns === 1 ? 'entry' : 'entries'}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              Nothing yet
            </Text>
          )}
        </FactRow>
      </FactList>
    </FactCard>
  );
}

/** A person's profile and the groups they belong to. */
export function UserFacts({ detail }: { detail: EntityDetail }) {
  return (
    <FactCard title="Profile" icon={<IconUser size={18} />}>
      <FactList>
        <Profile detail={detail} />
        <FactRow label="Member of">
          <RelatedList detail={detail} type="memberOf" empty="No group in the catalog" />
        </FactRow>
      </FactList>
    </FactCard>
  );
}
