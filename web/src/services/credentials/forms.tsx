import {
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { CredentialBodies } from '../../api/services-types.js';

/** Props of every credential form: the body so far and how to change it. */
interface FormProps<T> {
  value: T;
  onChange: (value: T) => void;
}

const CLASS_LABELS = { lower: 'a-z', upper: 'A-Z', digits: '0-9', symbols: '!#$%…' } as const;
type ClassName = keyof typeof CLASS_LABELS;

export function PasswordForm({ value, onChange }: FormProps<CredentialBodies['password']>) {
  const passphrase = value.mode === 'passphrase';
  const classes = (value.classes ?? ['lower', 'upper', 'digits', 'symbols']) as ClassName[];
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="Kind of password"
        value={value.mode ?? 'characters'}
        onChange={(mode) => onChange({ ...value, mode: mode as 'characters' | 'passphrase' })}
        data={[
          { value: 'characters', label: 'Characters' },
          { value: 'passphrase', label: 'Passphrase' },
        ]}
      />
      {passphrase ? (
        <>
          <NumberInput
            label="Words"
            description="Each word adds 11 bits; 6 words are about as strong as 13 random characters and easier to type"
            min={4}
            max={24}
            value={value.words ?? 6}
            onChange={(n) => onChange({ ...value, words: Number(n) || 6 })}
          />
          <TextInput
            label="Between words"
            maxLength={3}
            value={value.separator ?? '-'}
            onChange={(e) => onChange({ ...value, separator: e.currentTarget.value })}
          />
          <Switch
            label="Capitalize each word"
            checked={value.capitalize ?? false}
            onChange={(e) => onChange({ ...value, capitalize: e.currentTarget.checked })}
          />
        </>
      ) : (
        <>
          <NumberInput
            label="Length"
            min={8}
            max={256}
            value={value.length ?? 20}
            onChange={(n) => onChange({ ...value, length: Number(n) || 20 })}
          />
          <Checkbox.Group
            label="Characters"
            description="Every chosen kind appears at least once"
            value={classes}
            onChange={(next) => next.length > 0 && onChange({ ...value, classes: next as ClassName[] })}
          >
            <Group mt={6}>
              {(Object.keys(CLASS_LABELS) as ClassName[]).map((c) => (
                <Checkbox key={c} value={c} label={CLASS_LABELS[c]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch
            label="Leave out look-alikes (0 O o 1 l I |)"
            checked={value.excludeLookalikes ?? true}
            onChange={(e) => onChange({ ...value, excludeLookalikes: e.currentTarget.checked })}
          />
        </>
      )}
    </Stack>
  );
}

export function SecretForm({ value, onChange }: FormProps<CredentialBodies['secret']>) {
  return (
    <Stack gap="md">
      <NumberInput
        label="Random bytes"
        description="32 bytes (256 bits) suit keys for signing and encryption"
        min={16}
        max={1024}
        value={value.bytes ?? 32}
        onChange={(n) => onChange({ ...value, bytes: Number(n) || 32 })}
      />
      <div>
        <Text size="sm" fw={500} mb={4}>
          Written as
        </Text>
        <SegmentedControl
          aria-label="Encoding"
          value={value.encoding ?? 'base64url'}
          onChange={(encoding) =>
            onChange({ ...value, encoding: encoding as 'hex' | 'base64' | 'base64url' })
          }
          data={[
            { value: 'base64url', label: 'base64url' },
            { value: 'base64', label: 'base64' },
            { value: 'hex', label: 'hex' },
          ]}
        />
      </div>
    </Stack>
  );
}

export function ApiKeyForm({ value, onChange }: FormProps<CredentialBodies['api-key']>) {
  return (
    <TextInput
      label="Prefix"
      description="Names the system the key is for, so a leaked key is recognised at a glance (2-16 lower-case letters and digits)"
      value={value.prefix ?? 'key'}
      onChange={(e) => onChange({ ...value, prefix: e.currentTarget.value })}
      error={
        value.prefix && !/^[a-z][a-z0-9]{1,15}$/.test(value.prefix)
          ? 'Lower-case letters and digits, starting with a letter'
          : undefined
      }
    />
  );
}

export function SshKeyForm({ value, onChange }: FormProps<CredentialBodies['ssh-key']>) {
  return (
    <Stack gap="md">
      <Text size="sm" fw={500} mb={-12}>
        Key type
      </Text>
      <SegmentedControl
        aria-label="Key type"
        value={value.algorithm ?? 'ed25519'}
        onChange={(algorithm) => onChange({ ...value, algorithm: algorithm as 'ed25519' | 'rsa' })}
        data={[
          { value: 'ed25519', label: 'Ed25519 (recommended)' },
          { value: 'rsa', label: 'RSA 4096' },
        ]}
      />
      <TextInput
        label="Comment"
        description="Shown after the public key, e.g. you@laptop"
        value={value.comment ?? ''}
        onChange={(e) => onChange({ ...value, comment: e.currentTarget.value || undefined })}
      />
      <PasswordInput
        label="Passphrase (optional)"
        description="Encrypts the private key; at least 8 characters"
        value={value.passphrase ?? ''}
        onChange={(e) => onChange({ ...value, passphrase: e.currentTarget.value || undefined })}
        error={value.passphrase && value.passphrase.length < 8 ? 'At least 8 characters' : undefined}
      />
    </Stack>
  );
}

export function TlsForm({ value, onChange }: FormProps<CredentialBodies['tls-certificate']>) {
  return (
    <Stack gap="md">
      <TextInput
        label="Common name"
        value={value.commonName ?? 'localhost'}
        onChange={(e) => onChange({ ...value, commonName: e.currentTarget.value })}
      />
      <TextInput
        label="Other names"
        description="DNS names and IP addresses, separated by commas"
        value={(value.altNames ?? ['localhost', '127.0.0.1', '::1']).join(', ')}
        onChange={(e) =>
          onChange({
            ...value,
            altNames: e.currentTarget.value
              .split(',')
              .map((n) => n.trim())
              .filter(Boolean),
          })
        }
      />
      <NumberInput
        label="Valid for (days)"
        min={1}
        max={825}
        value={value.validityDays ?? 90}
        onChange={(n) => onChange({ ...value, validityDays: Number(n) || 90 })}
      />
      <Text size="sm" fw={500} mb={-12}>
        Key type
      </Text>
      <SegmentedControl
        aria-label="Key type"
        value={value.algorithm ?? 'ecdsa-p256'}
        onChange={(algorithm) => onChange({ ...value, algorithm: algorithm as 'ecdsa-p256' | 'rsa-2048' })}
        data={[
          { value: 'ecdsa-p256', label: 'ECDSA P-256' },
          { value: 'rsa-2048', label: 'RSA 2048' },
        ]}
      />
    </Stack>
  );
}
