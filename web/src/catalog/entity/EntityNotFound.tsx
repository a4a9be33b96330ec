import { Button, Code, Group } from '@mantine/core';
import { IconArrowLeft, IconMapSearch, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { catalogHref, paths } from '../../app/routes.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { kindStyle } from '../kinds.js';
import { formatRef, type RefParts } from '../refs.js';

/** An entity address that names nothing in the catalog: say which, and offer the way back or a search. */
export function EntityNotFound({ entity }: { entity: RefParts }) {
  const style = kindStyle(entity.kind);
  return (
    <>
      <PageHeader
        title="Not in the catalog"
        trail={[
          { label: 'Catalog', href: paths.catalog },
          { label: style.plural, href: catalogHref({ kind: entity.kind }) },
        ]}
      />
      <EmptyState
        icon={<IconMapSearch size={28} />}
        title={`There is no ${style.label.toLowerCase()} “${entity.name}”`}
        action={
          <Group gap="sm" justify="center">
            <Button
              component={Link}
              to={paths.catalog}
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
            >
              Back to the catalog
            </Button>
            <Button
              component={Link}
              to={catalogHref({ q: entity.name })}
              leftSection={<IconSearch size={16} />}
            >
              Search for “{entity.name}”
            </Button>
          </Group>
        }
      >
        Nothing in the catalog is called <Code>{formatRef(entity)}</Code>. It may have been renamed or removed
        in git, or the link may be mistyped. Entities whose file has an error are not loaded either: Keepers
        see those under Admin → Catalog problems.
      </EmptyState>
    </>
  );
}
