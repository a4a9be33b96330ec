import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestServer } from './server.js';

export interface Caller {
  name: string;
  headers: Record<string, string>;
}

export const anonymous: Caller = { name: 'anonymous', headers: {} };

export async function bearer(t: TestServer, username: string): Promise<Caller> {
  return { name: username, headers: { authorization: `Bearer ${await t.tokenFor(username)}` } };
}

/** Signs in through the API and returns a caller that carries the session cookie and CSRF header. */
export async function sessionCaller(t: TestServer, username: string, password: string): Promise<Caller> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const cookies = Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
  return {
    name: `${username} (session)`,
    headers: {
      cookie: `plinth_session=${cookies.plinth_session}; plinth_csrf=${cookies.plinth_csrf}`,
      'x-csrf-token': cookies.plinth_csrf as string,
    },
  };
}

/** Sends a request as `caller`; a JSON payload gets the JSON content type. */
export function call(
  t: TestServer,
  caller: Caller,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: caller.headers,
    ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
  });
}
