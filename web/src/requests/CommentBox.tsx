import { Alert, Button, FileInput, Group, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { IconMessage, IconPaperclip } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { requestsKey, uploadAttachment, useComment, useRequestOptions } from './request-queries.js';
import type { RequestDetail } from './request-types.js';

interface Candidate {
  username: string;
  displayName: string;
}

/** People a comment can mention: whoever is on the request, and the Keepers. */
function useCandidates(request: RequestDetail): Candidate[] {
  const options = useRequestOptions();
  return useMemo(() => {
    const all = [
      request.requester,
      request.assignee,
      ...request.comments.map((c) => c.author),
      ...(options.data?.keepers ?? []),
    ];
    const seen = new Map<string, Candidate>();
    for (const person of all) if (person && !seen.has(person.username)) seen.set(person.username, person);
    return [...seen.values()];
  }, [request, options.data]);
}

/** The comment box: Markdown, `@username` suggestions, files attached to the comment. */
export function CommentBox({ request }: { request: RequestDetail }) {
  const comment = useComment(request.id);
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const candidates = useCandidates(request);
  const partial = /(?:^|\s)@([a-z0-9._-]*)$/.exec(body)?.[1];
  const suggestions =
    partial === undefined
      ? []
      : candidates
          .filter((c) => c.username.startsWith(partial) || c.displayName.toLowerCase().includes(partial))
          .slice(0, 6);
  const pick = (username: string) => {
    setBody((text) => text.replace(/@([a-z0-9._-]*)$/, `@${username} `));
    area.current?.focus();
  };
  const waiting = request.state === 'waiting';
  const submit = async () => {
    if (!body.trim()) return;
    setUploadError(null);
    const created = await comment.mutateAsync(body);
    for (const file of files) {
      try {
        await uploadAttachment(request.id, file, created.id);
      } catch (error) {
        setUploadError(`${file.name}: ${(error as Error).message}`);
      }
    }
    setBody('');
    setFiles([]);
    await client.invalidateQueries({ queryKey: requestsKey });
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Textarea
          ref={area}
          label={waiting ? 'Your answer' : 'Add a comment'}
          description={
            waiting
              ? 'The Keepers are waiting for you: your comment sends the request back to them.'
              : 'Markdown works. Type @ to mention someone: they are notified if they may see this request.'
          }
          placeholder="Write a comment…"
          autosize
          minRows={3}
          maxRows={14}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          }}
        />
        {suggestions.length > 0 && (
          <Group gap={6} aria-label="Mention suggestions">
            {suggestions.map((s) => (
              <UnstyledButton
                key={s.username}
                onClick={() => pick(s.username)}
                className="plinth-tag"
                px={8}
                py={2}
                style={{ borderRadius: 6, border: '1px solid var(--mantine-color-default-border)' }}
              >
                <Text size="xs">
                  @{s.username}{' '}
                  <Text span c="dimmed" size="xs">
                    {s.displayName}
                  </Text>
                </Text>
              </UnstyledButton>
            ))}
          </Group>
        )}
        {comment.isError && (
          <Alert color="red" p="xs">
            {comment.error.message} ({comment.error instanceof ApiError ? comment.error.code : 'ERROR'})
          </Alert>
        )}
        {uploadError && (
          <Alert color="yellow" p="xs">
            {uploadError}
          </Alert>
        )}
        <Group justify="space-between" wrap="wrap">
          <FileInput
            aria-label="Attach files to the comment"
            placeholder="Attach files"
            multiple
            clearable
            value={files}
            onChange={setFiles}
            leftSection={<IconPaperclip size={16} />}
            w={260}
            size="sm"
          />
          <Button
            leftSection={<IconMessage size={16} />}
            onClick={submit}
            loading={comment.isPending}
            disabled={!body.trim()}
          >
            {waiting ? 'Send answer' : 'Comment'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
