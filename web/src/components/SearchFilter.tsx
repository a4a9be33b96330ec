import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

/** Props of {@link SearchFilter}. */
export interface SearchFilterProps {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  w?: number | string;
  /** A problem with what was typed, shown under the box. */
  error?: string;
}

/** A text filter that updates its list a moment after typing stops, not on every key. */
export function SearchFilter({ label, placeholder, value, onChange, w = 280, error }: SearchFilterProps) {
  const [text, setText] = useState(value);
  const push = useDebouncedCallback(onChange, 300);
  // Follow the URL when it changes from outside (back button, a shared link).
  useEffect(() => setText((current) => (current.trim() === value ? current : value)), [value]);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={text}
      w={w}
      error={error}
      leftSection={<IconSearch size={16} />}
      onChange={(event) => {
        setText(event.currentTarget.value);
        push(event.currentTarget.value.trim());
      }}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label={`Clear ${label.toLowerCase()}`}
            onClick={() => {
              setText('');
              onChange('');
            }}
          />
        ) : null
      }
    />
  );
}
