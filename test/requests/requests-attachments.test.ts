import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Caller } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { fileRequest, requestPeople } from './requests-fixture.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(testDatabases())('request attachments on %s', (database) => {
  let t: TestServer;
  let p: Awaited<ReturnType<typeof requestPeople>>;
  beforeAll(async () => {
    t = await startTestServer({ database, config: { requests: { attachments: { maxBytes: 2048 } } } });
    p = await requestPeople(t);
  });
  afterAll(async () => t?.close());

  const upload = (
    caller: Caller,
    id: string,
    filename: string,
    content: Buffer,
    contentType = 'application/octet-stream',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/requests/${id}/attachments?filename=${encodeURIComponent(filename)}`,
      headers: { ...caller.headers, 'content-type': contentType },
      payload: content,
    });

  test('an image is stored and downloaded as an attachment with a safe type', async () => {
    const filed = await fileRequest(t, p.alice);
    const response = await upload(p.alice, filed.id, 'screen shot.png', PNG, 'image/png');
    expect(response.statusCode, response.body).toBe(201);
    const attachment = response.json();
    expect(attachment).toMatchObject({
      filename: 'screen shot.png',
      contentType: 'image/png',
      size: PNG.length,
      uploadedBy: { username: 'alice' },
    });
    const download = await t.app.inject({ method: 'GET', url: attachment.url, headers: p.kim.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="screen shot.png"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PNG)).toBe(true);
    const other = await t.app.inject({ method: 'GET', url: attachment.url, headers: p.gustav.headers });
    expect(other.statusCode).toBe(404);
  });

  test('JSON and logs are accepted as text and served as text/plain', async () => {
    const filed = await fileRequest(t, p.alice);
    const response = await upload(
      p.alice,
      filed.id,
      'spec.json',
      Buffer.from('{"html":"<script>x</script>"}'),
      'application/json',
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().contentType).toBe('text/plain; charset=utf-8');
  });

  test('a file past the limit is refused with REQUEST_ATTACHMENT_TOO_LARGE', async () => {
    const filed = await fileRequest(t, p.alice);
    const response = await upload(p.alice, filed.id, 'big.log', Buffer.alloc(4096, 'a'));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'REQUEST_ATTACHMENT_TOO_LARGE' });
    expect(response.json().message).toContain('2 KB');
  });

  test('the type is judged by content, not by name', async () => {
    const filed = await fileRequest(t, p.alice);
    const program = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(100, 0)]);
    const disguised = await upload(p.alice, filed.id, 'holiday.png', program, 'image/png');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json()).toMatchObject({ code: 'REQUEST_ATTACHMENT_TYPE' });
    expect(disguised.json().message).toContain('holiday.png');
    const page = await upload(
      p.alice,
      filed.id,
      'page.html',
      Buffer.from('<html><script>alert(1)</script>'),
      'text/html',
    );
    expect(page.json()).toMatchObject({ code: 'REQUEST_ATTACHMENT_TYPE' });
    // A picture named as text is still a picture.
    const named = await upload(p.alice, filed.id, 'notes.txt', PNG);
    expect(named.json().contentType).toBe('image/png');
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/requests/${filed.id}`,
      headers: p.alice.headers,
    });
    expect(detail.json().attachments).toHaveLength(1);
  });

  test('a member of another team cannot attach', async () => {
    const filed = await fileRequest(t, p.alice);
    expect((await upload(p.gustav, filed.id, 'a.txt', Buffer.from('hi'))).statusCode).toBe(404);
  });
});
