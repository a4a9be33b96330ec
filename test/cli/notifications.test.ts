import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startWebhookReceiver, until } from '../notifications/receivers.js';
import { plinth, tempConfigDirs } from './cli-process.js';

let server: TestServer;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let env: Record<string, string>;
let keeperEnv: Record<string, string>;
const dirs = tempConfigDirs();

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  server = await startTestServer({
    listen: true,
    config: {
      notifications: {
        webhooks: {
          endpoints: [{ name: 'team-chat', url: receiver.url, topics: ['*'], secret: 's'.repeat(20) }],
        },
      },
    },
  });
  await server.createUser({ username: 'ann' });
  const ann = (await server.server.auth.userStore.findByUsername('ann'))?.id as string;
  for (const title of ['Request #1 answered', 'Request #2 answered']) {
    await server.server.notifications.notify({
      recipients: [ann],
      topic: 'request.commented',
      title,
      body: '',
      link: '/requests/1',
    });
  }
  env = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('ann') };
  keeperEnv = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor(server.adminUsername) };
});
afterAll(async () => {
  await server?.close();
  await receiver?.close();
  dirs.cleanup();
});

const run = (args: string[], e = env) => plinth(args, { configDir: dirs.make(), env: e });

it('plinth notifications ls lists yours with the unread marked; read marks one, --all the rest', async () => {
  const ls = await run(['notifications', 'ls']);
  expect(ls.code, ls.stderr).toBe(0);
  expect(ls.stdout).toContain('Request #2 answered');
  expect(ls.stdout).toContain('2 unread');
  const json = JSON.parse((await run(['notifications', 'ls', '--json'])).stdout);
  const read = await run(['notifications', 'read', json.items[0].id]);
  expect(read.code, read.stderr).toBe(0);
  expect(read.stderr + read.stdout).toContain('Marked read: Request #2 answered');
  expect((await run(['notifications', 'ls', '--unread'])).stdout).not.toContain('Request #2');
  const all = await run(['inbox', 'read', '--all']);
  expect(all.stderr + all.stdout).toContain('Marked 1 read.');
  const none = await run(['notifications', 'ls', '--unread']);
  expect(none.stderr + none.stdout).toContain('Nothing unread.');
});

it('plinth notifications read without an id or --all is a usage error', async () => {
  const bad = await run(['notifications', 'read']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--all');
});

it('Keepers list and test webhooks; members are refused', async () => {
  const ls = await run(['notifications', 'webhooks', 'ls'], keeperEnv);
  expect(ls.code, ls.stderr).toBe(0);
  expect(ls.stdout).toContain('team-chat');
  const test = await run(['notifications', 'webhooks', 'test', 'team-chat'], keeperEnv);
  expect(test.code, test.stderr).toBe(0);
  await server.server.notifications.outbox.runDue();
  await until(() => receiver.received.some((r) => r.body.includes('Test message to webhook team-chat')));
  const member = await run(['notifications', 'webhooks', 'ls']);
  expect(member.code).toBe(4);
});
