import type { ApiToken, CredentialsEnded, Me } from '../auth/schemas.js';
import { ApiClient } from './api-client.js';
import { CliError } from './cli-error.js';

const SESSION_COOKIE = 'plinth_session';
const CSRF_COOKIE = 'plinth_csrf';

/**
 * A browser-style session, opened with a password only long enough to create an API token:
 * the CLI never keeps the password or the session cookie.
 */
export class PasswordSession {
  private constructor(
    private readonly client: ApiClient,
    private readonly headers: Record<string, string>,
    /** Who signed in, as `POST /api/auth/login` answered. */
    readonly me: Me,
  ) {}

  /** Signs in; the session cookie and CSRF token are kept for the calls that follow. */
  static async open(
    baseUrl: string,
    credentials: { username: string; password: string },
    debug: (message: string) => void,
  ): Promise<PasswordSession> {
    const client = new ApiClient({ baseUrl, debug });
    const response = await client.send('POST', '/api/auth/login', { body: credentials });
    const me = (await response.json()) as Me;
    const cookies = readCookies(response.headers.getSetCookie());
    const session = cookies.get(SESSION_COOKIE);
    const csrf = cookies.get(CSRF_COOKIE);
    if (session === undefined || csrf === undefined) {
      throw new CliError(
        'CLI_BAD_RESPONSE',
        `${baseUrl} signed you in but set no ${SESSION_COOKIE}/${CSRF_COOKIE} cookies.`,
      );
    }
    const headers = { cookie: `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=${csrf}`, 'x-csrf-token': csrf };
    return new PasswordSession(client, headers, me);
  }

  /**
   * Replaces a one-time password, which the server requires before anything else; answers what
   * else the change signed out (undefined from a server that does not say).
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<CredentialsEnded | undefined> {
    return this.client.request<CredentialsEnded | undefined>('POST', '/api/me/password', {
      body: { currentPassword, newPassword },
      headers: this.headers,
    });
  }

  /** Creates an API token of the signed-in user. */
  async createToken(name: string): Promise<{ token: ApiToken; secret: string }> {
    return this.client.request('POST', '/api/tokens', { body: { name }, headers: this.headers });
  }

  /** Ends the session; a failure only means it expires on its own later. */
  async close(): Promise<void> {
    await this.client.send('POST', '/api/auth/logout', { headers: this.headers }).catch(() => undefined);
  }
}

/** Cookie names and values from Set-Cookie headers (attributes such as Path are not needed). */
function readCookies(setCookies: string[]): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of setCookies) {
    const pair = header.split(';', 1)[0] ?? '';
    const equals = pair.indexOf('=');
    if (equals > 0) cookies.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
  }
  return cookies;
}
