import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState.js';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  /** Says what the button does: "Revoke token", never "OK". */
  confirmLabel: string;
  /** The button that closes without acting; "Cancel" unless that would read like the action ("Cancel job"). */
  dismissLabel?: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  error?: unknown;
  danger?: boolean;
}

/** Asks before an action that cannot be undone. Esc or Cancel closes it. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { opened, title, children, confirmLabel, onConfirm, onClose, busy, error, danger = true } = props;
  const dismissLabel = props.dismissLabel ?? 'Cancel';
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{title}</Text>} size="md">
      <Stack gap="md">
        <Text size="sm">{children}</Text>
        {error ? <ErrorState title={`Could not ${confirmLabel.toLowerCase()}`} error={error} /> : null}
        <Group justify="flex-end" gap="sm">
          {/* Focus starts on Cancel so that a stray Enter cannot do what cannot be undone. */}
          <Button variant="default" onClick={onClose} data-autofocus>
            {dismissLabel}
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
