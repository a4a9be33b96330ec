import { Button, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCreateToken } from '../api/token-queries.js';
import type { CreatedTokenResult } from '../api/types.js';
import { CopyButton } from '../components/CopyButton.js';
import { ErrorState } from '../components/ErrorState.js';
import { SecretReveal } from '../components/SecretReveal.js';

const expiryChoices = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never (revoke it by hand)' },
];

function CreateForm({ onCreated }: { onCreated: (result: CreatedTokenResult) => void }) {
  const create = useCreateToken();
  const form = useForm({
    initialValues: { name: '', expires: '90' },
    validateInputOnChange: true,
    validate: {
      name: (v) => (v.trim() ? (v.length > 100 ? 'Keep it under 100 characters' : null) : 'Name the token'),
    },
  });
  const submit = form.onSubmit(({ name, expires }) =>
    create.mutate(
      { name: name.trim(), ...(expires === 'never' ? {} : { expiresInDays: Number(expires) }) },
      { onSuccess: onCreated },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          description="What the token is for, so you recognise it later: “laptop CLI”, “nightly CI”."
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Select
          label="Expires after"
          description="A token that expires cannot be forgotten somewhere forever."
          data={expiryChoices}
          allowDeselect={false}
          {...form.getInputProps('expires')}
        />
        {create.isError && <ErrorState title="Could not create the token" error={create.error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CreatedToken({ result, onDone }: { result: CreatedTokenResult; onDone: () => void }) {
  const example = `curl -H "Authorization: Bearer ${result.secret}" ${window.location.origin}/api/me`;
  return (
    <Stack gap="md">
      <SecretReveal label="token" value={result.secret}>
        Plinth keeps only a hash of “{result.token.name}”, so this is the only time the token is shown. Store
        it in a password manager or your CI’s secret settings.
      </SecretReveal>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Try it
        </Text>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <Code block className="plinth-secret" style={{ flex: 1, whiteSpace: 'pre-wrap' }}>
            {example}
          </Code>
          <CopyButton value={example} label="command" />
        </Group>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={onDone}>I have stored it</Button>
      </Group>
    </Stack>
  );
}

/** Props of {@link CreateTokenDialog}. */
export interface CreateTokenDialogProps {
  opened: boolean;
  created: CreatedTokenResult | null;
  onCreated: (result: CreatedTokenResult) => void;
  onClose: () => void;
}

/** Creates an API token, then shows its secret once. */
export function CreateTokenDialog({ opened, created, onCreated, onClose }: CreateTokenDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={<Text fw={600}>{created ? 'Your new API token' : 'Create an API token'}</Text>}
    >
      {created ? <CreatedToken result={created} onDone={onClose} /> : <CreateForm onCreated={onCreated} />}
    </Modal>
  );
}
