import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconApi, IconArrowRight, IconBook, IconCategory2, IconTools } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useServices } from '../api/services-queries.js';
import type { Service } from '../api/services-types.js';
import { entityHref, paths } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { useUrlFilters } from '../components/use-url-filters.js';
import { HealthBadge } from './HealthBadge.js';
import { SNIPPET_LANGUAGES, type SnippetLanguage, SnippetTabs } from './SnippetTabs.js';

const KEYS = ['lang'] as const;

function ServiceCard({
  service,
  language,
  onLanguage,
}: {
  service: Service;
  language: SnippetLanguage;
  onLanguage: (l: SnippetLanguage) => void;
}) {
  const owner = service.owner?.replace(/^group:default\//, '');
  return (
    <Card withBorder padding="lg" data-testid={`service-${service.id}`} component="article">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h3">
            <Anchor component={Link} to={service.portalPath} c="inherit">
              {service.title}
            </Anchor>
          </Title>
          <HealthBadge health={service.health} />
        </Group>
        <Text size="sm" c="dimmed">
          {service.description}
        </Text>
        <Group gap="xs">
          {owner && (
            <Badge variant="default" tt="none">
              Owner: {owner}
            </Badge>
          )}
          {service.lifecycle && (
            <Badge variant="default" tt="none">
              {service.lifecycle}
            </Badge>
          )}
        </Group>
        <Group gap="md">
          {service.docsUrl && (
            <Anchor href={service.docsUrl} size="sm" target="_blank" rel="noreferrer">
              <Group gap={4} component="span">
                <IconBook size={14} /> Docs
              </Group>
            </Anchor>
          )}
          <Anchor href={service.apiUrl} size="sm">
            <Group gap={4} component="span">
              <IconApi size={14} /> API
            </Group>
          </Anchor>
          {service.inCatalog && (
            <Anchor component={Link} to={entityHref(service.entityRef)} size="sm">
              <Group gap={4} component="span">
                <IconCategory2 size={14} /> Catalog entry
              </Group>
            </Anchor>
          )}
        </Group>
        <SnippetTabs service={service} language={language} onLanguage={onLanguage} />
        <Group justify="flex-end" mt="auto">
          <Button
            component={Link}
            to={service.portalPath}
            variant="light"
            rightSection={<IconArrowRight size={16} />}
          >
            Open {service.title.replace(/^\w(?=[a-z])/, (c) => c.toLowerCase())}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The Services section: each turnkey service with its live health and how to use it from anywhere. */
export function ServicesPage() {
  const services = useServices();
  const [filters, setFilter] = useUrlFilters(KEYS);
  const language = (SNIPPET_LANGUAGES.find((l) => l.value === filters.lang)?.value ??
    'curl') as SnippetLanguage;
  return (
    <>
      <PageHeader
        title="Services"
        description={
          <>
            Ready-made services every team can use without building them: ask in the browser, from a script or
            from the CLI. The platform checks their health every half minute. Scripts need an{' '}
            <Anchor component={Link} to={paths.tokens}>
              API token
            </Anchor>
            .
          </>
        }
      />
      {services.isPending ? (
        <LoadingSkeleton variant="cards" rows={3} />
      ) : services.isError ? (
        <ErrorState
          title="Could not load the services"
          error={services.error}
          onRetry={() => services.refetch()}
        />
      ) : services.data.items.length === 0 ? (
        <EmptyState icon={<IconTools size={28} />} title="No services here">
          This installation offers no turnkey services. Keepers add them in the platform repository.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
          {services.data.items.map((service) => (
            <ServiceCard
              key={service.id}
              service={service}
              language={language}
              onLanguage={(l) => setFilter('lang', l === 'curl' ? null : l)}
            />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
