import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error.js';
import { useLogin, useMe } from '../api/auth-queries.js';
import { usePlatform } from '../api/platform-queries.js';
import { LogoMark } from '../app/Logo.js';
import { safeNext } from '../app/routes.js';
import { usePageTitle } from '../components/use-page-title.js';
import { loginErrorMessage } from './login-errors.js';

function Greeting() {
  const platform = usePlatform();
  const organization = platform.data?.organization;
  return (
    <Stack align="center" gap={6} mb="lg">
      <LogoMark size={44} />
      <Title order={1} ta="center" mt="xs">
        {organization?.name ?? 'Plinth'}
      </Title>
      <Text c="dimmed" ta="center" size="sm" mih={20}>
        {organization?.tagline ?? ''}
      </Text>
    </Stack>
  );
}

function LoginForm({ next }: { next: string }) {
  const login = useLogin();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : 'Enter your username'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });
  const submit = form.onSubmit((values) =>
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: () => navigate(next, { replace: true }) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {login.isError && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            role="alert"
            data-testid="login-error"
          >
            {loginErrorMessage(login.error)}
            {login.error instanceof ApiError && (
              <Text size="xs" c="dimmed" mt={4}>
                {login.error.code}
              </Text>
            )}
          </Alert>
        )}
        <TextInput label="Username" autoComplete="username" autoFocus {...form.getInputProps('username')} />
        <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
        <Button type="submit" loading={login.isPending} fullWidth mt="xs">
          Sign in
        </Button>
      </Stack>
    </form>
  );
}

/** The sign-in page: the organization's name, a username and a password, and back to where you were. */
export function LoginPage() {
  usePageTitle(['Sign in']);
  const version = usePlatform().data?.version ?? '';
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  if (me.isSuccess) return <Navigate to={next} replace />;
  return (
    <Center mih="100vh" p="md" style={{ background: 'var(--plinth-login-bg)' }}>
      <Stack w="100%" maw={420} gap="lg">
        <Greeting />
        <Paper p="xl" shadow="sm">
          <Title order={2} size="h3" mb={4}>
            Sign in
          </Title>
          <Text size="sm" c="dimmed" mb="lg">
            Use the account your Keepers gave you.
          </Text>
          <LoginForm next={next} />
        </Paper>
        <Group justify="center" gap="xs">
          <Text size="xs" c="dimmed">
            Forgot your password? A Keeper can give you a new one-time password.
          </Text>
        </Group>
        <Group justify="center" gap="xs">
          <Text size="xs" c="dimmed">
            Plinth {version}
          </Text>
          <Text size="xs" c="dimmed">
            ·
          </Text>
          <Anchor href="/api/docs" size="xs" c="dimmed">
            API reference
          </Anchor>
        </Group>
      </Stack>
    </Center>
  );
}
