import { CliError } from './cli-error.js';

/** Query-string values; `undefined` ones are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/** One call: a JSON body, query parameters and extra headers (cookies during login). */
export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** A long answer read as it comes (server-sent events): the time limit covers its headers only. */
  stream?: boolean;
}

/** How long one request may take before the server counts as unreachable. */
const TIMEOUT_MS = 60_000;

/**
 * A client of the Plinth HTTP API: it knows the base URL and the bearer token, and turns every
 * failure into a {@link CliError} carrying the server's stable code.
 */
export class ApiClient {
  readonly baseUrl: string;
  private readonly token: string | undefined;
  private readonly debug: (message: string) => void;

  constructor(opts: { baseUrl: string; token?: string | undefined; debug?: (message: string) => void }) {
    this.baseUrl = opts.baseUrl;
    this.token = opts.token;
    this.debug = opts.debug ?? (() => {});
  }

  /** Sends a request and returns the parsed JSON answer (`undefined` for 204). */
  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, opts);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw new CliError(
        'CLI_BAD_RESPONSE',
        `${this.baseUrl} did not answer ${method} ${path} with JSON. Is it a Plinth server?`,
        {
          status: response.status,
          cause,
        },
      );
    }
  }

  /** Sends a request and returns the raw response once it is known to be a success. */
  async send(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const url = this.url(path, opts.query);
    const started = Date.now();
    this.debug(`> ${method} ${url}`);
    const response = await this.fetch(url, method, opts);
    this.debug(`< ${response.status} ${method} ${url} (${Date.now() - started} ms)`);
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  private url(path: string, query: Query = {}): string {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  private async fetch(url: string, method: string, opts: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const abort = new AbortController();
    const timer = setTimeout(
      () => abort.abort(new DOMException('no answer in time', 'TimeoutError')),
      TIMEOUT_MS,
    );
    timer.unref();
    try {
      const response = await fetch(url, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: abort.signal,
      });
      // A stream may stay quiet for as long as its job runs; other answers must arrive in full in time.
      if (opts.stream) clearTimeout(timer);
      return response;
    } catch (cause) {
      clearTimeout(timer);
      const reason =
        (cause as Error).name === 'TimeoutError' ? ` (no answer within ${TIMEOUT_MS / 1000} s)` : '';
      throw new CliError(
        'CLI_UNREACHABLE',
        `cannot reach Plinth at ${this.baseUrl} — is it running?${reason}`,
        { cause },
      );
    }
  }
}

/** Turns an error answer into a {@link CliError}, keeping the server's code, message and details. */
async function errorFromResponse(response: Response): Promise<CliError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    return new CliError(body.code, body.message, { status: response.status, details: body.details });
  }
  const reason = response.statusText ? ` ${response.statusText}` : '';
  return new CliError('CLI_HTTP_ERROR', `the server answered HTTP ${response.status}${reason}`, {
    status: response.status,
  });
}

function isErrorBody(body: unknown): body is { code: string; message: string; details?: unknown } {
  if (typeof body !== 'object' || body === null) return false;
  const record = body as Record<string, unknown>;
  return typeof record.code === 'string' && typeof record.message === 'string';
}
