import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import {
  IconArrowBackUp,
  IconBan,
  IconCheck,
  IconHourglass,
  IconPlayerPlay,
  IconUserCheck,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { useCurrentUser } from '../app/current-user.js';
import { useRequestOptions, useTransition } from './request-queries.js';
import type { RequestDetail, RequestState } from './request-types.js';

interface Action {
  to: RequestState;
  label: string;
  icon: ReactNode;
  /** What the dialog asks for before moving; none: the button moves at once. */
  asks?: 'assignee' | 'reason' | 'optional-reason';
  help?: string;
  color?: string;
}

const ACTIONS: Record<RequestState, Action> = {
  new: { to: 'new', label: 'New', icon: null },
  triaged: {
    to: 'triaged',
    label: 'Triage',
    icon: <IconUserCheck size={16} />,
    asks: 'assignee',
    help: 'Choose the Keeper who takes this request. They and the requester are notified.',
  },
  in_progress: { to: 'in_progress', label: 'Start', icon: <IconPlayerPlay size={16} /> },
  waiting: {
    to: 'waiting',
    label: 'Wait for requester',
    icon: <IconHourglass size={16} />,
    help: 'Ask your question in a comment first; the request returns to you when they answer.',
  },
  done: { to: 'done', label: 'Close as done', icon: <IconCheck size={16} />, color: 'teal' },
  declined: {
    to: 'declined',
    label: 'Decline',
    icon: <IconBan size={16} />,
    asks: 'reason',
    color: 'red',
    help: 'The requester reads this reason in the request and in their notification.',
  },
  withdrawn: {
    to: 'withdrawn',
    label: 'Withdraw',
    icon: <IconArrowBackUp size={16} />,
    asks: 'optional-reason',
    help: 'Closes your request; the Keepers stop working on it. Say why if you like (e.g. solved it yourself).',
  },
};

function MoveDialog({
  request,
  action,
  onClose,
}: {
  request: RequestDetail;
  action: Action;
  onClose: () => void;
}) {
  const user = useCurrentUser();
  const options = useRequestOptions();
  const move = useTransition(request.id);
  const [assignee, setAssignee] = useState<string | null>(
    request.assignee?.username ?? (user.role === 'keeper' ? user.username : null),
  );
  const [reason, setReason] = useState('');
  const missing = (action.asks === 'assignee' && !assignee) || (action.asks === 'reason' && !reason.trim());
  const submit = async () => {
    await move.mutateAsync({
      to: action.to,
      ...(action.asks === 'assignee' && assignee ? { assignee } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`${action.label} request #${request.number}`} centered>
      <Stack gap="md">
        {action.help && (
          <Text size="sm" c="dimmed">
            {action.help}
          </Text>
        )}
        {action.asks === 'assignee' && (
          <Select
            label="Assignee"
            searchable
            data={(options.data?.keepers ?? []).map((k) => ({
              value: k.username,
              label: `${k.displayName} (${k.username})`,
            }))}
            value={assignee}
            onChange={setAssignee}
            required
          />
        )}
        {(action.asks === 'reason' || action.asks === 'optional-reason') && (
          <Textarea
            label="Reason"
            data-autofocus
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required={action.asks === 'reason'}
          />
        )}
        {move.isError && (
          <Alert color="red">
            {move.error.message}{' '}
            <Text span size="xs" c="dimmed">
              ({move.error instanceof ApiError ? move.error.code : 'ERROR'})
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color={action.color}
            leftSection={action.icon}
            onClick={submit}
            data-autofocus={action.asks === 'assignee' || !action.asks ? true : undefined}
            loading={move.isPending}
            disabled={missing}
          >
            {action.label}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The moves the signed-in person may make on this request now, and nothing else. */
export function RequestActions({ request }: { request: RequestDetail }) {
  const move = useTransition(request.id);
  const [open, setOpen] = useState<Action | null>(null);
  const actions = request.allowedTransitions.map((to) => ACTIONS[to]);
  const reassign: Action = {
    ...ACTIONS.triaged,
    to: request.state,
    label: 'Reassign',
    help: 'Hand the request to another Keeper.',
  };
  if (actions.length === 0 && !request.canReassign) return null;
  return (
    <Stack gap="xs" data-testid="request-actions">
      <Group gap="xs">
        {actions.map((action) =>
          action.asks || action.help ? (
            <Button
              key={action.to}
              variant={action.to === 'declined' || action.to === 'withdrawn' ? 'default' : 'light'}
              color={action.color}
              leftSection={action.icon}
              onClick={() => setOpen(action)}
              size="sm"
            >
              {action.label}
            </Button>
          ) : (
            <Button
              key={action.to}
              variant="light"
              color={action.color}
              leftSection={action.icon}
              loading={move.isPending && move.variables?.to === action.to}
              onClick={() => move.mutate({ to: action.to })}
              size="sm"
            >
              {action.label}
            </Button>
          ),
        )}
        {request.canReassign && (
          <Button variant="subtle" size="sm" leftSection={reassign.icon} onClick={() => setOpen(reassign)}>
            Reassign
          </Button>
        )}
      </Group>
      {!request.hasReply && request.state !== 'new' && request.allowedTransitions.includes('declined') && (
        <Text size="xs" c="dimmed">
          Closing as done needs a reply to the requester: add a comment first.
        </Text>
      )}
      {move.isError && (
        <Alert color="red" p="xs">
          {move.error.message}
        </Alert>
      )}
      {open && <MoveDialog request={request} action={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
