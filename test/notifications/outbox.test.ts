import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { DeliveryError, type NotificationChannel } from '../../src/notifications/channels/index.js';
import { Outbox } from '../../src/notifications/outbox.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Stands for a remote receiver whose answers the test scripts (true: took it; false: failed).
 * The real receivers (SMTP, HTTP) are exercised in email.test.ts and webhooks.test.ts.
 */
function scriptedReceiver(outcomes: boolean[]): NotificationChannel & { calls: number } {
  const receiver = {
    calls: 0,
    async deliver() {
      const ok = outcomes[receiver.calls] ?? true;
      receiver.calls += 1;
      if (!ok) throw new DeliveryError('receiver said no');
    },
  };
  return receiver;
}

describe.each(testDatabases())('the delivery outbox (%s)', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ database });
  });
  afterAll(async () => t?.close());

  const outboxWith = (channel: NotificationChannel, maxAttempts: number, clock: { now: number }) =>
    new Outbox(t.server.database.db, new Map([['scripted', channel]]), {
      maxAttempts,
      baseDelayMs: 1000,
      maxDelayMs: 8000,
      urlOf: (link) => link,
      now: () => clock.now,
      logger: createLogger('silent'),
    });

  const row = (id: string) =>
    t.server.database.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  test('a delivery ends sent on its first success within the attempts, else failed after exactly N', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        async (outcomes, maxAttempts) => {
          const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
          const receiver = scriptedReceiver(outcomes);
          const outbox = outboxWith(receiver, maxAttempts, clock);
          const [id] = await outbox.enqueue([
            {
              channel: 'scripted',
              target: 'x',
              topic: 'test.outbox',
              message: { title: 't', body: 'b', link: null, actorId: null, actor: null },
            },
          ]);
          for (let step = 0; step < 20; step++) {
            await outbox.runDue();
            // Never attempted before it is due: the backoff holds.
            const pending = await row(id as string);
            if (pending.state !== 'pending') break;
            expect(await outbox.runDue()).toBe(0);
            clock.now = Date.parse(pending.next_attempt_at);
          }
          const done = await row(id as string);
          const firstSuccess = [...outcomes, true].indexOf(true) + 1;
          if (firstSuccess <= maxAttempts) {
            expect(done).toMatchObject({ state: 'sent', attempts: firstSuccess, last_error: null });
          } else {
            expect(done).toMatchObject({
              state: 'failed',
              attempts: maxAttempts,
              last_error: 'receiver said no',
            });
          }
          expect(receiver.calls).toBe(done.attempts);
        },
      ),
      { numRuns: 25 },
    );
  });

  test('what is pending survives a restart: a new worker on the same database sends it', async () => {
    const clock = { now: Date.now() };
    const first = outboxWith(scriptedReceiver([false]), 3, clock);
    const [id] = await first.enqueue([
      {
        channel: 'scripted',
        target: 'x',
        topic: 'test.restart',
        message: { title: 't', body: 'b', link: null, actorId: null, actor: null },
      },
    ]);
    await first.runDue();
    expect((await row(id as string)).state).toBe('pending');
    // The process is gone; another starts later with a receiver that is back.
    clock.now += 60_000;
    const second = outboxWith(scriptedReceiver([]), 3, clock);
    await second.runDue();
    expect(await row(id as string)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  test('two workers never send the same delivery twice', async () => {
    const clock = { now: Date.now() };
    const a = scriptedReceiver([]);
    const b = scriptedReceiver([]);
    const entries = Array.from({ length: 30 }, (_, i) => ({
      channel: 'scripted',
      target: `t${i}`,
      topic: 'test.race',
      message: { title: 't', body: 'b', link: null, actorId: null, actor: null },
    }));
    await outboxWith(a, 3, clock).enqueue(entries);
    await Promise.all([outboxWith(a, 3, clock).runDue(), outboxWith(b, 3, clock).runDue()]);
    expect(a.calls + b.calls).toBe(30);
  });
});
