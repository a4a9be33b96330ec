import {
  Alert,
  Anchor,
  Button,
  CloseButton,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconLink, IconPaperclip, IconSend } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/api-error.js';
import { useCurrentUser } from '../app/current-user.js';
import { ErrorState } from '../components/ErrorState.js';
import { describeContext } from './request-context.js';
import { uploadAttachment, useFileRequest, useRequestOptions } from './request-queries.js';
import { spanText, URGENCY_LABELS } from './request-states.js';
import type { RequestContext, RequestOptions, Urgency } from './request-types.js';

/** Props of {@link NewRequestForm}. */
export interface NewRequestFormProps {
  context: RequestContext | null;
  initialTitle?: string;
  onDone?: () => void;
  onCancel?: () => void;
}

function targetText(options: RequestOptions, category: string | null, urgency: Urgency): string | null {
  const found = options.categories.find((c) => c.name === category);
  if (!found) return null;
  const factor = options.urgencyFactors[urgency] ?? 1;
  const first = spanText(found.firstResponseHours * factor * 3_600_000);
  const resolved = spanText(found.resolutionHours * factor * 3_600_000);
  return `The Keepers aim to answer within ${first} and to resolve it within ${resolved}.`;
}

/** The new-request form: what, how urgent, for which team, with the page it is about attached. */
export function NewRequestForm({
  context: initialContext,
  initialTitle,
  onDone,
  onCancel,
}: NewRequestFormProps) {
  const options = useRequestOptions();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const file = useFileRequest();
  const [context, setContext] = useState(initialContext);
  const [title, setTitle] = useState(initialTitle ?? '');
  const [category, setCategory] = useState<string | null>('help');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [team, setTeam] = useState<string | null>(user.teams[0]?.name ?? null);
  const [description, setDescription] = useState('');
  const [proposalId, setProposalId] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [touched, setTouched] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  if (options.isPending) return <Skeleton height={420} radius="md" />;
  if (options.isError) {
    return (
      <ErrorState
        title="Could not load the request form"
        error={options.error}
        onRetry={() => options.refetch()}
      />
    );
  }
  const titleError =
    touched && title.trim().length < 3 ? 'Say in a few words what you need (3 characters at least)' : null;
  const fieldError = (field: string) => {
    const error = file.error;
    return error instanceof ApiError && error.message.startsWith(`${field}:`) ? error.message : null;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (title.trim().length < 3 || !category) return;
    const created = await file.mutateAsync({
      title: title.trim(),
      description,
      category,
      urgency,
      team: options.data && options.data.teams.length > 1 && team ? team : undefined,
      context: context ? { path: context.path, entity: context.entity, step: context.step } : undefined,
      proposalId: category === 'new-technology' && proposalId.trim() ? proposalId.trim() : undefined,
    });
    for (const attachment of files) {
      try {
        await uploadAttachment(created.id, attachment);
      } catch (error) {
        setUploadError(`${attachment.name}: ${(error as Error).message}`);
      }
    }
    onDone?.();
    navigate(`/requests/${created.id}`);
  }

  const data = options.data;
  const categoryInfo = data.categories.find((c) => c.name === category);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {context && (
          <Paper withBorder p="xs" radius="md" data-testid="request-context">
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <IconLink size={16} style={{ flexShrink: 0 }} />
                <Text size="sm" truncate>
                  Attached: {describeContext(context)}{' '}
                  {context.path && (
                    <Anchor component={Link} to={context.path} size="sm" c="dimmed">
                      ({context.path})
                    </Anchor>
                  )}
                </Text>
              </Group>
              <CloseButton size="sm" aria-label="Do not attach this page" onClick={() => setContext(null)} />
            </Group>
          </Paper>
        )}
        <TextInput
          label="What do you need?"
          description="One line the Keepers see in their queue"
          placeholder="e.g. Access to the GPU partition for our team"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={titleError}
          required
          data-autofocus
          maxLength={200}
        />
        <Group grow align="flex-start">
          <Select
            label="Category"
            data={data.categories.map((c) => ({ value: c.name, label: c.title }))}
            value={category}
            onChange={setCategory}
            allowDeselect={false}
            description={categoryInfo?.description}
            error={fieldError('category')}
          />
          {data.teams.length > 1 && (
            <Select
              label="For team"
              data={data.teams}
              value={team}
              onChange={setTeam}
              allowDeselect={false}
              description="You belong to several teams"
              error={fieldError('team')}
            />
          )}
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="urgency-label">
            Urgency
          </Text>
          <SegmentedControl
            aria-labelledby="urgency-label"
            value={urgency}
            onChange={(v) => setUrgency(v as Urgency)}
            data={(Object.keys(URGENCY_LABELS) as Urgency[]).map((u) => ({
              value: u,
              label: URGENCY_LABELS[u],
            }))}
          />
          <Text size="xs" c="dimmed">
            {targetText(data, category, urgency)}
          </Text>
        </Stack>
        {category === 'new-technology' && (
          <TextInput
            label="Radar proposal (optional)"
            description="The id or number of a technology proposal this is about"
            value={proposalId}
            onChange={(e) => setProposalId(e.currentTarget.value)}
            error={fieldError('proposalId')}
          />
        )}
        <Textarea
          label="Details"
          description="What you tried, what you expected, error messages. Markdown works: **bold**, `code`, lists; @username tells a colleague."
          autosize
          minRows={4}
          maxRows={12}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <FileInput
          label="Attachments (optional)"
          description={`Screenshots, PDF, logs or CSV; up to ${spanBytes(data.maxAttachmentBytes)} each`}
          placeholder="Choose files"
          multiple
          clearable
          value={files}
          onChange={setFiles}
          leftSection={<IconPaperclip size={16} />}
          accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,.txt,.log,.csv,.tsv,.json,.yaml,.yml,.md"
        />
        {file.isError && !fieldError('category') && !fieldError('team') && (
          <Alert color="red" title="The request was not filed">
            {file.error.message}{' '}
            <Text span size="xs" c="dimmed">
              ({file.error instanceof ApiError ? file.error.code : 'ERROR'})
            </Text>
          </Alert>
        )}
        {uploadError && <Alert color="yellow">{uploadError}</Alert>}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" leftSection={<IconSend size={16} />} loading={file.isPending}>
            Send to the Keepers
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function spanBytes(bytes: number): string {
  return bytes >= 1_048_576 ? `${Math.round(bytes / 104_857.6) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
