import { Badge, Button, Skeleton, Stack, Tabs } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBinaryTree2,
  IconBook2,
  IconFileCode,
  IconInfoCircle,
  IconLifebuoy,
  IconPencil,
  IconPlayerPlay,
} from '@tabler/icons-react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error.js';
import { useEntity } from '../../api/catalog-queries.js';
import type { EntityDetail } from '../../api/catalog-types.js';
import { catalogHref, newJobHref, paths } from '../../app/routes.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingSkeleton } from '../../components/LoadingSkeleton.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EntityDocsCard } from '../../docs/EntityDocsCard.js';
import { KindBadge } from '../EntityBadges.js';
import { RelationsTab } from '../graph/RelationsTab.js';
import { kindStyle } from '../kinds.js';
import type { RefParts } from '../refs.js';
import { EntityFacts } from './EntityFacts.js';
import { EntityNotFound } from './EntityNotFound.js';
import { useSourcePath } from './EntitySource.js';
import { OverviewTab } from './OverviewTab.js';
import { ProblemsTab } from './ProblemsTab.js';
import { hasDocs } from './spec.js';
import { YamlTab } from './YamlTab.js';

const tabs = ['overview', 'relations', 'docs', 'yaml', 'problems'] as const;
type Tab = (typeof tabs)[number];

/** Tabs shown only when the entity has something for them. */
interface OptionalTabs {
  docs: boolean;
  problems: boolean;
}

function useTab(shown: OptionalTabs): [Tab, (tab: Tab) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const isShown = (t: Tab) => (t === 'docs' || t === 'problems' ? shown[t] : true);
  const tab: Tab = asked && tabs.includes(asked) && isShown(asked) ? asked : 'overview';
  const setTab = (next: Tab) => {
    // Only the tab's own settings (the graph depth) go when the tab changes; other keys stay.
    const out = new URLSearchParams(params);
    out.delete('depth');
    if (next === 'overview') out.delete('tab');
    else out.set('tab', next);
    setParams(out);
  };
  return [tab, setTab];
}

function HeaderActions({ detail }: { detail: EntityDetail }) {
  const { pathname } = useLocation();
  return (
    <>
      {detail.job && (
        <Button
          component={Link}
          to={newJobHref(undefined, detail.ref)}
          leftSection={<IconPlayerPlay size={16} />}
          data-testid="run-entity-job"
        >
          Run
        </Button>
      )}
      {detail.source.editUrl && (
        <Button
          component="a"
          href={detail.source.editUrl}
          target="_blank"
          rel="noreferrer"
          variant={detail.job ? 'default' : 'filled'}
          leftSection={<IconPencil size={16} />}
        >
          Edit in git
        </Button>
      )}
      <Button
        component={Link}
        to={`${paths.requests}?from=${encodeURIComponent(pathname)}`}
        variant="default"
        leftSection={<IconLifebuoy size={16} />}
      >
        Request a change
      </Button>
    </>
  );
}

function EntityView({ detail, entity }: { detail: EntityDetail; entity: RefParts }) {
  const withDocs = hasDocs(detail);
  const [tab, setTab] = useTab({ docs: withDocs, problems: detail.problems.length > 0 });
  const path = useSourcePath(detail.source);
  const style = kindStyle(detail.kind);
  return (
    <>
      <PageHeader
        title={detail.title ?? detail.name}
        trail={[
          { label: 'Catalog', href: paths.catalog },
          { label: style.plural, href: catalogHref({ kind: detail.kind }) },
        ]}
        badge={<KindBadge kind={detail.kind} size="md" />}
        description={detail.description ?? undefined}
        actions={<HeaderActions detail={detail} />}
      />
      <EntityFacts detail={detail} />
      <Tabs
        value={tab}
        onChange={(v) => setTab((v as Tab | null) ?? 'overview')}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="relations" leftSection={<IconBinaryTree2 size={16} />}>
            Relations
          </Tabs.Tab>
          {withDocs && (
            <Tabs.Tab value="docs" leftSection={<IconBook2 size={16} />}>
              Docs
            </Tabs.Tab>
          )}
          <Tabs.Tab value="yaml" leftSection={<IconFileCode size={16} />}>
            YAML
          </Tabs.Tab>
          {detail.problems.length > 0 && (
            <Tabs.Tab
              value="problems"
              leftSection={<IconAlertTriangle size={16} />}
              rightSection={
                <Badge
                  size="sm"
                  color="red"
                  variant="filled"
                  circle
                  aria-label={`${detail.problems.length} problems`}
                >
                  {detail.problems.length}
                </Badge>
              }
            >
              Problems
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewTab detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="relations">
          <RelationsTab entity={entity} />
        </Tabs.Panel>
        {withDocs && (
          <Tabs.Panel value="docs">
            <EntityDocsCard entityRef={detail.ref} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="yaml">
          <YamlTab detail={detail} path={path} />
        </Tabs.Panel>
        {detail.problems.length > 0 && (
          <Tabs.Panel value="problems">
            <ProblemsTab problems={detail.problems} path={path} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}

function EntityLoading({ entity }: { entity: RefParts }) {
  return (
    <>
      <PageHeader
        title={entity.name}
        trail={[
          { label: 'Catalog', href: paths.catalog },
          { label: kindStyle(entity.kind).plural, href: catalogHref({ kind: entity.kind }) },
        ]}
      />
      <Stack gap="lg">
        <Skeleton height={120} radius="md" />
        <LoadingSkeleton rows={6} />
      </Stack>
    </>
  );
}

/** One catalog entity: what it is, who owns it, where it is written, and its tabs. */
export function EntityPage() {
  const params = useParams();
  const entity: RefParts = {
    kind: (params.kind ?? '').toLowerCase(),
    namespace: (params.namespace ?? '').toLowerCase(),
    name: (params.name ?? '').toLowerCase(),
  };
  const detail = useEntity(entity);
  if (detail.isPending) return <EntityLoading entity={entity} />;
  if (detail.isError) {
    if (isApiError(detail.error, 'CATALOG_ENTITY_NOT_FOUND')) return <EntityNotFound entity={entity} />;
    return (
      <>
        <PageHeader title={entity.name} trail={[{ label: 'Catalog', href: paths.catalog }]} />
        <ErrorState
          title="Could not load this entity"
          error={detail.error}
          onRetry={() => detail.refetch()}
        />
      </>
    );
  }
  return <EntityView detail={detail.data} entity={entity} />;
}
