import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { signWebhook } from '../../src/notifications/webhook-signature.js';

const doc = readFileSync(new URL('../../docs/notifications.md', import.meta.url), 'utf8');
const block = (lang: string) => {
  const section = doc.slice(doc.indexOf('#### Verify a signature'));
  return new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(section)?.[1] as string;
};

const secret = 'whsec_docs-example-secret';
const body = JSON.stringify({ text: 'Request #12 is overdue', topic: 'request.overdue' });
const timestamp = Math.floor(Date.now() / 1000);
const signature = signWebhook(secret, timestamp, body);

test('the Python example of the operator docs accepts a real signature and refuses a forged one', () => {
  const run = (sig: string, ts: number) =>
    execFileSync(
      'python3',
      [
        '-c',
        `${block('python')}\nimport sys\nprint(verify(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].encode()))`,
        secret,
        String(ts),
        sig,
        body,
      ],
      { encoding: 'utf8' },
    ).trim();
  expect(run(signature, timestamp)).toBe('True');
  expect(
    run(
      signature.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
      timestamp,
    ),
  ).toBe('False');
  expect(run(signWebhook(secret, timestamp - 3600, body), timestamp - 3600)).toBe('False');
});

test('the shell example of the operator docs accepts a real signature', () => {
  const out = execFileSync('sh', ['-c', `cat > body.json; ${block('sh')}`], {
    cwd: execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim(),
    input: body,
    env: { ...process.env, TIMESTAMP: String(timestamp), SECRET: secret, SIGNATURE: signature },
    encoding: 'utf8',
  });
  expect(out.trim()).toBe('signature ok');
});
