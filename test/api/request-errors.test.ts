import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('bad requests get a 4xx with a stable code, never a 500', () => {
  let t: TestServer;
  let keeper: Caller;
  beforeAll(async () => {
    t = await startTestServer({ config: { bodyLimitBytes: 4096 } });
    keeper = await bearer(t, t.adminUsername);
  });
  afterAll(async () => t?.close());

  const raw = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: { ...keeper.headers, 'content-type': contentType },
      payload,
    });

  test('malformed JSON is REQUEST_MALFORMED', async () => {
    const response = await raw('{"name": "x", ');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('REQUEST_MALFORMED');
  });

  test('an empty JSON body is REQUEST_MALFORMED', async () => {
    const response = await raw('');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('REQUEST_MALFORMED');
  });

  test('a wrong type names the field', async () => {
    const response = await call(t, keeper, 'POST', '/api/teams', { name: 'ok-name', title: 42 });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toContainEqual({ field: 'title', message: expect.stringContaining('string') });
  });

  test('a missing field is named', async () => {
    const response = await call(t, keeper, 'POST', '/api/teams', { name: 'ok-name' });
    expect(response.json().details).toContainEqual({ field: 'title', message: expect.any(String) });
  });

  test('a pattern violation is explained in words, not as a regular expression', async () => {
    const response = await call(t, keeper, 'POST', '/api/users', { username: 'Bad Name', displayName: 'x' });
    const detail = response.json().details.find((d: { field: string }) => d.field === 'username');
    expect(detail.message).toContain('lower-case letters');
    expect(detail.message).not.toContain('^[a-z]');
  });

  test('an oversized body is REQUEST_TOO_LARGE', async () => {
    const response = await raw(JSON.stringify({ name: 'big', title: 'x'.repeat(10_000) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('REQUEST_TOO_LARGE');
  });

  test('a form post is refused as REQUEST_UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await raw('name=x&title=y', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('REQUEST_UNSUPPORTED_MEDIA_TYPE');
  });

  test('a query parameter of the wrong type names the parameter', async () => {
    const response = await call(t, keeper, 'GET', '/api/users?limit=lots');
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe('query.limit');
  });

  test('an unknown API route is ROUTE_NOT_FOUND in JSON', async () => {
    const response = await call(t, keeper, 'GET', '/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: 'There is no API route GET /api/nothing-here',
    });
  });

  test('a malformed Authorization header is AUTH_TOKEN_INVALID', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: 'Basic abc' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('AUTH_TOKEN_INVALID');
  });

  test('responses carry security headers', async () => {
    const response = await call(t, keeper, 'GET', '/api/me');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});
