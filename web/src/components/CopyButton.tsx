import { ActionIcon, CopyButton as MantineCopyButton, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  value: string;
  /** What is copied, for screen readers and the tooltip: "token", "username". */
  label: string;
  size?: 'sm' | 'md';
}

/** A small button that copies a value and says so. */
export function CopyButton({ value, label, size = 'sm' }: CopyButtonProps) {
  return (
    <MantineCopyButton value={value} timeout={1800}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : `Copy ${label}`} openDelay={0}>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            size={size}
            onClick={copy}
            aria-label={copied ? `Copied ${label}` : `Copy ${label}`}
          >
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </MantineCopyButton>
  );
}
