import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFolder, IconGitBranch } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../api/api-error.js';
import type { NewLocation, SyncOutcome } from '../../api/catalog-types.js';
import { useAddLocation } from '../../api/location-queries.js';
import { applyFieldProblems } from '../../components/apply-field-problems.js';
import { ErrorState } from '../../components/ErrorState.js';
import {
  checkLocationName,
  checkSubFolder,
  checkTarget,
  type SourceKind,
  suggestName,
} from './location-rules.js';

const initialValues = { source: 'git' as SourceKind, target: '', name: '', branch: '', path: '' };
type Values = typeof initialValues;

function useLocationForm() {
  const form = useForm({
    initialValues,
    validateInputOnBlur: true,
    validateInputOnChange: ['name'],
    validate: {
      name: checkLocationName,
      target: (value, values) => checkTarget(value, values.source),
      path: checkSubFolder,
    },
    // The name follows the URL or folder until someone edits it by hand.
    onValuesChange: (values, previous) => {
      const following = !form.isDirty('name') || values.name === suggestName(previous.target);
      if (values.target !== previous.target && following)
        form.setFieldValue('name', suggestName(values.target));
    },
  });
  return form;
}

function toBody(v: Values): NewLocation {
  const branch = v.source === 'git' ? v.branch.trim() : '';
  const path = v.path.trim().replace(/\/+$/, '');
  return { name: v.name, target: v.target.trim(), ...(branch ? { branch } : {}), ...(path ? { path } : {}) };
}

// The server names the field at the start of these messages ("target: …"); put them under that field.
function applyServerError(error: unknown, setFieldError: (field: string, message: string) => void): boolean {
  if (isApiError(error, 'CATALOG_LOCATION_EXISTS'))
    setFieldError('name', 'A location with this name exists already');
  else if (isApiError(error, 'CATALOG_LOCATION_UNSUPPORTED'))
    setFieldError('target', 'Neither a git URL Plinth can read nor an existing folder on the server');
  else return applyFieldProblems(error, ['name', 'target', 'branch', 'path'], setFieldError);
  return true;
}

/** Props of {@link AddLocationDialog}. */
export interface AddLocationDialogProps {
  opened: boolean;
  onClose: () => void;
  onAdded: (name: string, outcome: SyncOutcome) => void;
}

/** Adds a git repository or server folder as a catalog location, and syncs it at once. */
export function AddLocationDialog({ opened, onClose, onAdded }: AddLocationDialogProps) {
  const add = useAddLocation();
  const form = useLocationForm();
  // Whether the last error went under a field; otherwise it shows above the buttons.
  const [placed, setPlaced] = useState(false);
  const close = () => {
    onClose();
    form.reset();
    add.reset();
  };
  const submit = form.onSubmit((values) =>
    add.mutate(toBody(values), {
      onSuccess: (outcome) => {
        close();
        onAdded(values.name, outcome);
      },
      onError: (error) => setPlaced(applyServerError(error, form.setFieldError)),
    }),
  );
  const isGit = form.values.source === 'git';
  const showGeneralError = add.isError && !placed;
  return (
    <Modal opened={opened} onClose={close} size="lg" title={<Text fw={600}>Add a catalog location</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Plinth reads every YAML file under the location, checks it, and adds its entities to the catalog.
            It syncs again on Sync now, on a schedule, or when the git host calls the webhook.
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="location-source-label">
              Read from
            </Text>
            <SegmentedControl
              aria-labelledby="location-source-label"
              data={[
                {
                  value: 'git',
                  label: (
                    <Group gap={6} justify="center" wrap="nowrap">
                      <IconGitBranch size={16} />
                      Git repository
                    </Group>
                  ),
                },
                {
                  value: 'folder',
                  label: (
                    <Group gap={6} justify="center" wrap="nowrap">
                      <IconFolder size={16} />
                      Folder on the server
                    </Group>
                  ),
                },
              ]}
              {...form.getInputProps('source')}
            />
          </Stack>
          <TextInput
            label={isGit ? 'Git URL' : 'Folder'}
            description={
              isGit
                ? 'The clone URL. Private repositories need credentials set up on the server (SSH key or token).'
                : 'An absolute path on the Plinth server, e.g. a shared drive mounted there.'
            }
            placeholder={isGit ? 'https://git.example.org/lab/catalog.git' : '/srv/catalog'}
            data-autofocus
            {...form.getInputProps('target')}
          />
          <TextInput
            label="Name"
            description="Short name shown with its entities and problems: “lab-catalog”."
            {...form.getInputProps('name')}
          />
          <Group grow align="flex-start">
            {isGit && (
              <TextInput
                label="Branch"
                description="Optional. The repository's default branch otherwise."
                placeholder="main"
                {...form.getInputProps('branch')}
              />
            )}
            <TextInput
              label="Sub-folder"
              description="Optional. Only files under it are read."
              placeholder="catalog"
              {...form.getInputProps('path')}
            />
          </Group>
          {showGeneralError && <ErrorState title="Could not add the location" error={add.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add and sync
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
