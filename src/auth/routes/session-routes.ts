import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../server/plugins/authentication.js';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import { authErrors } from '../errors.js';
import { actorOf } from '../principal.js';
import { ChangePasswordBody, CredentialsEnded, LoginBody, Me } from '../schemas.js';
import type { AuthServices } from '../services.js';

export interface CookiePolicy {
  secure: boolean;
  maxAgeSeconds: number;
}

function setSessionCookies(reply: FastifyReply, session: string, csrf: string, policy: CookiePolicy) {
  const base = { path: '/', sameSite: 'lax' as const, secure: policy.secure, maxAge: policy.maxAgeSeconds };
  reply.setCookie(SESSION_COOKIE, session, { ...base, httpOnly: true });
  // Readable by the page on purpose: it echoes the value in the x-csrf-token header.
  reply.setCookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false });
}

function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** Sign-in, sign-out, who am I, change my password. */
export function sessionRoutes(
  app: TypedApp,
  auth: AuthServices,
  cookies: CookiePolicy,
  loginPerMinute: number,
) {
  app.post(
    '/api/auth/login',
    {
      config: { permission: 'auth.login', rateLimit: { max: loginPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session and CSRF cookies',
        body: LoginBody,
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      // request.ip comes from the trusted proxies only (config trustProxy), never from a forged header.
      const meta = { ip: request.ip, userAgent: request.headers['user-agent'] };
      const session = await auth.sessions.login(username, password, meta).catch((error: unknown) => {
        if (authErrors.AUTH_ACCOUNT_LOCKED.is(error)) {
          const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
          reply.header('retry-after', String(retryAfterSeconds));
        }
        throw error;
      });
      setSessionCookies(reply, session.sessionToken, session.csrfToken, cookies);
      return { user: await auth.userStore.toApiOne(session.user), authMethod: 'session' as const };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'auth.logout' },
      schema: {
        tags: ['auth'],
        summary: 'End this session',
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.principal)
        await auth.sessions.logout(request.principal, actorOf(request.principal, request.ip));
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { permission: 'me.read' },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Me, ...errorResponses } },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      return { user: await auth.userStore.toApiOne(principal.user), authMethod: principal.method };
    },
  );

  app.post(
    '/api/me/password',
    {
      config: { permission: 'me.password', rateLimit: { max: loginPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary:
          'Change your own password: your other sessions end and your API tokens are revoked (but the one calling)',
        body: ChangePasswordBody,
        response: { 200: CredentialsEnded, ...errorResponses },
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const { currentPassword, newPassword } = request.body;
      return auth.users.changeOwnPassword(
        principal,
        actorOf(principal, request.ip),
        currentPassword,
        newPassword,
      );
    },
  );
}
