/** Log in with a password and mint an API token, as a script would before calling the API. */

async function expectStatus(res: Response, status: number, what: string): Promise<void> {
  if (res.status !== status) {
    throw new Error(
      `${what}: expected HTTP ${status}, got ${res.status}: ${(await res.text()).slice(0, 500)}`,
    );
  }
}

function cookieValue(setCookies: string[], name: string): string {
  for (const line of setCookies) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  throw new Error(`login answered without a ${name} cookie`);
}

/** Signs in and returns the secret of a fresh API token, to be sent as `Authorization: Bearer`. */
export async function createApiToken(baseUrl: string, username: string, password: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  await expectStatus(login, 200, 'POST /api/auth/login');
  const setCookies = login.headers.getSetCookie();
  const session = cookieValue(setCookies, 'plinth_session');
  const csrf = cookieValue(setCookies, 'plinth_csrf');

  const created = await fetch(`${baseUrl}/api/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `plinth_session=${session}; plinth_csrf=${csrf}`,
      'x-csrf-token': csrf,
    },
    body: JSON.stringify({ name: 'bench' }),
  });
  await expectStatus(created, 201, 'POST /api/tokens');
  const body = (await created.json()) as { secret?: unknown };
  if (typeof body.secret !== 'string') throw new Error('POST /api/tokens answered without a secret');
  return body.secret;
}
