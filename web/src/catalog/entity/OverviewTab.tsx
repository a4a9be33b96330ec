import { Grid, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { EntityDetail } from '../../api/catalog-types.js';
import { entityHref } from '../../app/routes.js';
import { ApiDefinition } from './ApiDefinition.js';
import { DatasetFacts } from './DatasetFacts.js';
import { GroupFacts, peopleRelations, UserFacts } from './PeopleFacts.js';
import { RelationLists } from './RelationLists.js';
import { SpecDetails } from './SpecDetails.js';
import { TechnologyFacts } from './TechnologyFacts.js';

// Kinds with a card of their own; for them an empty Details card would only add noise.
const kindCards = { dataset: true, api: true, technology: true, group: true, user: true };

/** The card of facts particular to a kind: what a scientist asks first about a dataset, an API, a team. */
function KindFacts({ detail }: { detail: EntityDetail }): ReactNode {
  switch (detail.kind) {
    case 'dataset':
      return <DatasetFacts detail={detail} />;
    case 'api':
      return <ApiDefinition detail={detail} />;
    case 'technology':
      return <TechnologyFacts detail={detail} />;
    case 'group':
      return <GroupFacts detail={detail} />;
    case 'user':
      return <UserFacts detail={detail} />;
    default:
      return null;
  }
}

/** The Overview tab: the kind's key facts and other details beside the entity's relations as lists. */
export function OverviewTab({ detail }: { detail: EntityDetail }) {
  const exclude = peopleRelations[detail.kind as keyof typeof peopleRelations] ?? [];
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="lg">
          <KindFacts detail={detail} />
          <SpecDetails detail={detail} optional={detail.kind in kindCards} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <RelationLists
          relations={detail.relations}
          graphHref={entityHref(detail.ref, 'relations')}
          exclude={exclude}
        />
      </Grid.Col>
    </Grid>
  );
}
