import { Button } from '@mantine/core';
import { IconFilterOff, IconLifebuoy, IconUsersGroup } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState.js';
import { openRequestForm } from './request-form-store.js';

/** No request matches the filters. */
export function NoRequestsMatch({ onClear }: { onClear: () => void }) {
  return (
    <EmptyState
      icon={<IconFilterOff size={22} />}
      title="No request matches these filters"
      action={
        <Button variant="default" onClick={onClear}>
          Clear the filters
        </Button>
      }
    >
      Widen the filters, or search for words of the title or a number like #12.
    </EmptyState>
  );
}

/** The person has not asked the Keepers anything yet. */
export function NoRequestsYet({ scope }: { scope: 'mine' | 'team' | 'all' }) {
  const text =
    scope === 'mine'
      ? 'When you are stuck, need access or want something new on the platform, ask the Keepers here. Use “Request help” in the top bar on any page: that page is attached, so they see what you saw.'
      : scope === 'team'
        ? 'Requests your teammates file appear here, so you can follow and comment on them together.'
        : 'No team has filed a request yet. New requests appear here and every Keeper is notified.';
  return (
    <EmptyState
      icon={scope === 'team' ? <IconUsersGroup size={22} /> : <IconLifebuoy size={22} />}
      title={
        scope === 'all'
          ? 'No requests yet'
          : scope === 'team'
            ? 'Your teams have no requests'
            : 'You have not filed a request yet'
      }
      action={
        scope !== 'all' && (
          <Button leftSection={<IconLifebuoy size={16} />} onClick={() => openRequestForm(null)}>
            New request
          </Button>
        )
      }
    >
      {text}
    </EmptyState>
  );
}
