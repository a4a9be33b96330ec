import { Button, Card, Grid, Stack, Tabs } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useGenerateCredential } from '../../api/services-queries.js';
import type { CredentialBodies, CredentialType, GeneratedCredential } from '../../api/services-types.js';
import { paths } from '../../app/routes.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useUrlFilters } from '../../components/use-url-filters.js';
import { ApiKeyForm, PasswordForm, SecretForm, SshKeyForm, TlsForm } from './forms.js';
import { GeneratedResult } from './GeneratedResult.js';

const TYPES: { value: CredentialType; label: string; action: string }[] = [
  { value: 'password', label: 'Password', action: 'Generate password' },
  { value: 'secret', label: 'Random secret', action: 'Generate secret' },
  { value: 'api-key', label: 'API key', action: 'Generate API key' },
  { value: 'ssh-key', label: 'SSH key pair', action: 'Generate key pair' },
  { value: 'tls-certificate', label: 'TLS certificate', action: 'Generate certificate' },
];
const KEYS = ['type'] as const;

/** Credentials made on demand from the OS's secure random source; shown once, never stored unless asked. */
export function CredentialsPage() {
  const [filters, setFilter] = useUrlFilters(KEYS);
  const type = TYPES.find((t) => t.value === filters.type) ?? (TYPES[0] as (typeof TYPES)[number]);
  const [bodies, setBodies] = useState<Partial<CredentialBodies>>({});
  const [result, setResult] = useState<GeneratedCredential | null>(null);
  const generate = useGenerateCredential(type.value);
  const body = (bodies[type.value] ?? {}) as never;
  const change = (next: unknown) => setBodies((b) => ({ ...b, [type.value]: next }));
  const forms = {
    password: <PasswordForm value={body} onChange={change} />,
    secret: <SecretForm value={body} onChange={change} />,
    'api-key': <ApiKeyForm value={body} onChange={change} />,
    'ssh-key': <SshKeyForm value={body} onChange={change} />,
    'tls-certificate': <TlsForm value={body} onChange={change} />,
  };
  return (
    <>
      <PageHeader
        title="Credentials"
        trail={[{ label: 'Services', href: paths.services }]}
        description="Passwords, secrets, API keys, SSH keys and certificates for local development, made from the operating system's secure random source. Plinth keeps no copy; the audit log records only that one was made."
      />
      <Tabs
        value={type.value}
        onChange={(value) => {
          setFilter('type', value === 'password' ? null : value);
          setResult(null);
          generate.reset();
        }}
        mb="lg"
      >
        <Tabs.List>
          {TYPES.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg">
            <form
              onSubmit={(event) => {
                event.preventDefault();
                generate.mutate(body, { onSuccess: (data) => setResult(data as GeneratedCredential) });
              }}
            >
              <Stack gap="lg">
                {forms[type.value]}
                <Button type="submit" leftSection={<IconKey size={16} />} loading={generate.isPending}>
                  {type.action}
                </Button>
              </Stack>
            </form>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="lg">
            {generate.isError ? (
              <ErrorState
                title="Could not generate it"
                error={generate.error}
                onRetry={() => generate.mutate(body)}
              />
            ) : result && result.type === type.value ? (
              <GeneratedResult result={result} />
            ) : (
              <EmptyState icon={<IconKey size={28} />} title="Nothing generated yet" size="sm">
                Set the options on the left and press “{type.action}”. The result is shown here once, with
                copy and download buttons.
              </EmptyState>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
