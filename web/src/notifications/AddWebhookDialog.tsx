import { Button, Group, Modal, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { isApiError } from '../api/api-error.js';
import { ErrorState } from '../components/ErrorState.js';
import { SecretReveal } from '../components/SecretReveal.js';
import { useCreateWebhook } from './notification-queries.js';

const NAME = /^[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const TOPIC = /^(\*|[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*(\.\*)?)$/;

function AddForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const create = useCreateWebhook();
  const form = useForm({
    initialValues: { name: '', url: '', topics: ['*'] as string[] },
    validateInputOnChange: true,
    validate: {
      name: (v) => (NAME.test(v) ? null : 'Lower-case letters, digits and dashes, e.g. team-chat'),
      url: (v) => (/^https?:\/\/\S+$/.test(v.trim()) ? null : 'An http:// or https:// address'),
      topics: (v) =>
        v.length === 0
          ? 'At least one topic; * is every topic'
          : v.find((t) => !TOPIC.test(t))
            ? `“${v.find((t) => !TOPIC.test(t))}” is not a topic: use request.*, catalog.problems or *`
            : null,
    },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name, url: values.url.trim(), topics: values.topics },
      {
        onSuccess: (result) => onCreated(result.webhook.name, result.secret),
        onError: (error) => {
          if (isApiError(error, 'WEBHOOK_NAME_TAKEN'))
            form.setFieldError('name', 'A webhook has this name already');
          if (isApiError(error, 'WEBHOOK_INVALID_URL')) form.setFieldError('url', 'Not an http(s) address');
        },
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          description="How Keepers recognise it: team-chat, ops-alerts."
          data-autofocus
          {...form.getInputProps('name')}
        />
        <TextInput
          label="URL"
          description="Where Plinth POSTs the JSON, e.g. a Slack or Mattermost incoming-webhook address."
          placeholder="https://hooks.slack.com/services/…"
          {...form.getInputProps('url')}
        />
        <TagsInput
          label="Topics"
          description="Which notices it gets: * for all, request.* for every request notice, catalog.problems for one topic. Enter to add."
          {...form.getInputProps('topics')}
        />
        {create.isError && !isApiError(create.error, 'WEBHOOK_NAME_TAKEN', 'WEBHOOK_INVALID_URL') && (
          <ErrorState title="Could not add the webhook" error={create.error} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Add webhook
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds a webhook, then shows its signing secret once. */
export function AddWebhookDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Add a webhook</Text>} size="lg">
      {created ? (
        <Stack gap="md">
          <SecretReveal label="signing secret" value={created.secret}>
            Receivers check each POST with this secret (see “Verify a signature” in the operator docs). Plinth
            stores it encrypted and never shows it again: keep it with the receiver’s settings now.
          </SecretReveal>
          <Group justify="flex-end">
            <Button onClick={close}>I have stored it</Button>
          </Group>
        </Stack>
      ) : (
        <AddForm onCreated={(name, secret) => setCreated({ name, secret })} />
      )}
    </Modal>
  );
}
