import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconEyeExclamation } from '@tabler/icons-react';
import type { GeneratedCredential } from '../../api/services-types.js';
import { CopyButton } from '../../components/CopyButton.js';
import { downloadText } from '../download.js';
import { StoreInVault } from './StoreInVault.js';

function Block({ label, value, filename }: { label: string; value: string; filename: string }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Group gap="xs">
          <CopyButton value={value} label={label.toLowerCase()} size="md" />
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            onClick={() => downloadText(filename, value)}
          >
            {filename}
          </Button>
        </Group>
      </Group>
      <Code
        block
        className="plinth-secret"
        fz="xs"
        data-testid="secret-value"
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
      >
        {value}
      </Code>
    </Stack>
  );
}

/** A generated credential, shown this once: copy, download, or keep it in the team vault. */
export function GeneratedResult({ result }: { result: GeneratedCredential }) {
  return (
    <Stack gap="md">
      <Alert
        variant="light"
        color="yellow"
        icon={<IconEyeExclamation size={20} />}
        title="Shown once: copy it now"
      >
        Plinth keeps no copy. If you leave this page, generate a new one.
      </Alert>
      {'value' in result && (
        <>
          <Block label="Value" value={result.value} filename={`${result.type}.txt`} />
          <Text size="sm" c="dimmed">
            {Math.floor(result.entropyBits)} bits of entropy
            {result.entropyBits >= 100
              ? ': far beyond guessing.'
              : result.entropyBits >= 70
                ? ': strong.'
                : ': short; prefer more.'}
          </Text>
          <StoreInVault value={result.value} />
        </>
      )}
      {result.type === 'ssh-key' && (
        <>
          <Block label="Public key" value={result.publicKey} filename="id_plinth.pub" />
          <Block label="Private key" value={result.privateKey} filename="id_plinth" />
          <Text size="sm" c="dimmed">
            Fingerprint <Code>{result.fingerprint}</Code>. Save the private key with <Code>chmod 600</Code>:
            ssh refuses keys that others can read.
          </Text>
          <StoreInVault value={result.privateKey} what="the private key" placeholder="SSH_DEPLOY_KEY" />
        </>
      )}
      {result.type === 'tls-certificate' && (
        <>
          <Block label="Certificate" value={result.certificate} filename="cert.pem" />
          <Block label="Private key" value={result.privateKey} filename="key.pem" />
          <Text size="sm" c="dimmed">
            {result.subject}, valid for {result.altNames.join(', ')} until{' '}
            {new Date(result.notAfter).toLocaleDateString()}. Browsers warn about self-signed certificates:
            trust it only on your own machine.
          </Text>
          <StoreInVault value={result.privateKey} what="the private key" placeholder="TLS_PRIVATE_KEY" />
        </>
      )}
    </Stack>
  );
}
