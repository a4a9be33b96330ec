import { Alert, Box, Button, Card, Code, Text } from '@mantine/core';
import { IconArrowBackUp, IconGitBranch, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Location } from '../../api/catalog-types.js';
import { useDeleteLocation, useLocations } from '../../api/location-queries.js';
import { paths } from '../../app/routes.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingSkeleton } from '../../components/LoadingSkeleton.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useUrlFilters } from '../../components/use-url-filters.js';
import { AddLocationDialog } from './AddLocationDialog.js';
import { type LocationAction, LocationTable } from './LocationTable.js';
import { RevisionDrawer } from './RevisionDrawer.js';
import { notifySynced } from './sync-notice.js';

const urlKeys = ['history'] as const;

function LocationList({
  onAction,
  onAdd,
}: {
  onAction: (a: LocationAction, l: Location) => void;
  onAdd: () => void;
}) {
  const locations = useLocations();
  if (locations.isPending) {
    return (
      <Box p="md">
        <LoadingSkeleton rows={3} />
      </Box>
    );
  }
  if (locations.isError) {
    return (
      <Box p="md">
        <ErrorState
          title="Could not load the locations"
          error={locations.error}
          onRetry={() => locations.refetch()}
        />
      </Box>
    );
  }
  if (locations.data.items.length === 0) {
    return (
      <EmptyState
        icon={<IconGitBranch size={28} />}
        title="No catalog locations yet"
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
            Add location
          </Button>
        }
      >
        A location is a git repository (or a folder on the server) with catalog YAML files. Add one and its
        entities appear in the catalog at once.
      </EmptyState>
    );
  }
  return <LocationTable locations={locations.data.items} onAction={onAction} />;
}

function DeleteDialog({ location, onClose }: { location: Location | null; onClose: () => void }) {
  const remove = useDeleteLocation();
  const close = () => {
    onClose();
    remove.reset();
  };
  return (
    <ConfirmDialog
      opened={location !== null}
      title={`Remove ${location?.name}?`}
      confirmLabel="Remove location"
      onClose={close}
      onConfirm={() => location && remove.mutate(location.name, { onSuccess: close })}
      busy={remove.isPending}
      error={remove.error}
    >
      Its {location?.entityCount} {location?.entityCount === 1 ? 'entity leaves' : 'entities leave'} the
      catalog now. The repository itself is not touched: add the location again to bring them back.
    </ConfirmDialog>
  );
}

/** Keepers' list of catalog locations: where the catalog comes from, its state, sync, add and remove. */
export function LocationsPage() {
  const [url, setUrl] = useUrlFilters(urlKeys);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Location | null>(null);
  const onAction = (action: LocationAction, location: Location) =>
    action === 'history' ? setUrl('history', location.name) : setDeleting(location);
  return (
    <>
      <PageHeader
        title="Catalog locations"
        trail={[{ label: 'Admin', href: paths.users }]}
        description="The git repositories and server folders the catalog is read from. Each sync checks a whole revision and applies it in one step; a broken one never replaces the last good one."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            Add location
          </Button>
        }
      />
      <Card p={0}>
        <LocationList onAction={onAction} onAdd={() => setAdding(true)} />
      </Card>
      <Alert
        variant="light"
        color="gray"
        icon={<IconArrowBackUp size={18} />}
        mt="lg"
        title="Rolling back a change"
      >
        <Text size="sm">
          The catalog always shows what the repository says, so a rollback happens in git: run{' '}
          <Code>git revert &lt;sha&gt;</Code> in the repository, push, then press Sync now. Each location's
          history lists the commits it applied.
        </Text>
      </Alert>
      <AddLocationDialog opened={adding} onClose={() => setAdding(false)} onAdded={notifySynced} />
      <DeleteDialog location={deleting} onClose={() => setDeleting(null)} />
      <RevisionDrawer name={url.history ?? null} onClose={() => setUrl('history', null)} />
    </>
  );
}
