import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { isApiError } from '../api/api-error.js';
import { useChangePassword } from '../api/auth-queries.js';
import type { CredentialsEndedResult } from '../api/types.js';
import { ErrorState } from '../components/ErrorState.js';
import { describeCredentialsEnded } from './credentials-ended.js';

/** The server refuses shorter passwords with AUTH_PASSWORD_TOO_WEAK; say so before it has to. */
export const MIN_PASSWORD_LENGTH = 10;

const initialValues = { currentPassword: '', newPassword: '', confirmPassword: '' };

const rules = {
  currentPassword: (v: string) => (v ? null : 'Enter the password you use now'),
  newPassword: (v: string, values: typeof initialValues) => {
    if (v.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
    return v === values.currentPassword ? 'Choose a password different from the current one' : null;
  },
  confirmPassword: (v: string, values: typeof initialValues) =>
    v === values.newPassword ? null : 'The two new passwords differ',
};

function usePasswordForm() {
  const change = useChangePassword();
  const form = useForm({
    initialValues,
    validateInputOnChange: ['newPassword', 'confirmPassword'],
    validate: rules,
  });
  const onSuccess = (ended: CredentialsEndedResult) => {
    form.setValues(initialValues);
    form.resetDirty();
    // Saying what was revoked matters: a script's token stops working and must be replaced.
    notifications.show({
      color: 'teal',
      title: 'Password changed',
      message: `Use it from your next sign-in. ${describeCredentialsEnded(ended, true)}`,
      autoClose: 10_000,
    });
  };
  // The server's messages start with the field name ("newPassword: ..."), which the field already shows.
  const onError = (error: unknown) => {
    if (isApiError(error, 'AUTH_WRONG_PASSWORD'))
      form.setFieldError('currentPassword', 'This is not your current password');
    if (isApiError(error, 'AUTH_PASSWORD_TOO_WEAK'))
      form.setFieldError('newPassword', error.message.replace(/^\w+: /, ''));
  };
  const submit = form.onSubmit(({ currentPassword, newPassword }) =>
    change.mutate({ currentPassword, newPassword }, { onSuccess, onError }),
  );
  return { form, change, submit };
}

/** Changes the signed-in person's password, with the rules checked as they type. */
export function ChangePasswordForm() {
  const { form, change, submit } = usePasswordForm();
  const fieldError = isApiError(change.error, 'AUTH_WRONG_PASSWORD', 'AUTH_PASSWORD_TOO_WEAK');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={440}>
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label="New password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label="Repeat the new password"
          autoComplete="new-password"
          {...form.getInputProps('confirmPassword')}
        />
        {change.isError && !fieldError && (
          <ErrorState title="Could not change the password" error={change.error} />
        )}
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
