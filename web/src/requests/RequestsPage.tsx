import { Button, Card, Tabs } from '@mantine/core';
import { IconChartBar, IconLifebuoy, IconUser, IconUsersGroup, IconWorld } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useIsKeeper } from '../app/current-user.js';
import { PageHeader } from '../components/PageHeader.js';
import { DashboardView } from './DashboardView.js';
import { RequestList } from './RequestList.js';
import { contextOfSearch } from './request-context.js';
import { openRequestForm } from './request-form-store.js';
import type { RequestFilters, RequestScope } from './request-types.js';

const FILTER_KEYS = ['state', 'category', 'overdue', 'q'] as const;
type Tab = RequestScope | 'dashboard';

function useRequestsUrl() {
  const isKeeper = useIsKeeper();
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const asked = params.get('tab');
  const tab: Tab =
    asked === 'team' || ((asked === 'all' || asked === 'dashboard') && isKeeper) ? asked : 'mine';
  const filters = useMemo(
    (): RequestFilters => ({
      scope: tab === 'dashboard' ? 'all' : tab,
      state: params.get('state') || undefined,
      category: params.get('category') || undefined,
      overdue: params.get('overdue') === 'true' || undefined,
      q: params.get('q') || undefined,
    }),
    [params, tab],
  );
  const setParam = useCallback((key: string, value: string | null) => update({ [key]: value }), [update]);
  const clear = useCallback(() => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, null]))), [update]);
  return { tab, filters, params, setParam, clear, isKeeper, update };
}

/** Requests: mine, my teams', all (Keepers) and the Keepers' dashboard; tabs and filters live in the URL. */
export function RequestsPage() {
  const url = useRequestsUrl();
  const { params, update } = url;
  // Older links (`/requests?from=/page`) open the form with that page attached, then tidy the URL.
  useEffect(() => {
    const context = contextOfSearch(params);
    if (!context) return;
    openRequestForm(context);
    update({ from: null, step: null });
  }, [params, update]);
  const days = Number(params.get('days')) || 30;
  return (
    <>
      <PageHeader
        title="Requests"
        description="Ask the Keepers for help, access, a template or a change, and follow each answer here. Every request gets a first answer and a resolution target; late ones are flagged."
        actions={
          <Button leftSection={<IconLifebuoy size={16} />} onClick={() => openRequestForm(null)}>
            New request
          </Button>
        }
      />
      <Tabs
        value={url.tab}
        onChange={(tab) => update({ tab: tab === 'mine' ? null : tab })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="mine" leftSection={<IconUser size={16} />}>
            My requests
          </Tabs.Tab>
          <Tabs.Tab value="team" leftSection={<IconUsersGroup size={16} />}>
            Team
          </Tabs.Tab>
          {url.isKeeper && (
            <>
              <Tabs.Tab value="all" leftSection={<IconWorld size={16} />}>
                All
              </Tabs.Tab>
              <Tabs.Tab value="dashboard" leftSection={<IconChartBar size={16} />}>
                Dashboard
              </Tabs.Tab>
            </>
          )}
        </Tabs.List>
        {url.tab === 'dashboard' ? (
          <DashboardView days={days} onDays={(d) => update({ days: d === 30 ? null : String(d) })} />
        ) : (
          <Card withBorder radius="md" p={0}>
            <RequestList filters={url.filters} setParam={url.setParam} clear={url.clear} />
          </Card>
        )}
      </Tabs>
    </>
  );
}
