import { Type } from 'typebox';

const TopicPattern = Type.String({ pattern: '^(\\*|[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*(\\.\\*)?)$' });

/** The `notifications` section of the config: SMTP, outgoing webhooks and how deliveries are retried. */
export const NotificationsConfigSchema = Type.Object(
  {
    email: Type.Object(
      {
        host: Type.Optional(
          Type.String({
            minLength: 1,
            description: 'SMTP server that sends the e-mail; e-mail notifications are off when unset',
          }),
        ),
        port: Type.Integer({ default: 587, minimum: 1, maximum: 65535, description: 'SMTP port' }),
        secure: Type.Boolean({
          default: false,
          description: 'TLS from the first byte (port 465); false means plain SMTP upgraded by STARTTLS',
        }),
        starttls: Type.Enum(['required', 'opportunistic', 'never'], {
          default: 'opportunistic',
          description:
            'When secure is false: require STARTTLS, use it when offered, or never (only for a relay on localhost)',
        }),
        user: Type.Optional(
          Type.String({ minLength: 1, description: 'SMTP user name, when the server asks' }),
        ),
        password: Type.Optional(
          Type.String({
            minLength: 1,
            secret: true,
            description:
              'SMTP password; set it as PLINTH_NOTIFICATIONS_EMAIL_PASSWORD(_FILE), not in the file',
          }),
        ),
        from: Type.String({
          default: 'Plinth <plinth@localhost>',
          minLength: 3,
          description: 'Sender of notification e-mail, e.g. "Plinth <plinth@example.org>"',
        }),
        publicUrl: Type.Optional(
          Type.String({
            pattern: '^https?://',
            description: 'Portal address put in front of links in e-mail and chat; default publicUrl',
          }),
        ),
        timeoutSeconds: Type.Integer({
          default: 20,
          minimum: 1,
          maximum: 300,
          description: 'Longest wait for the SMTP server per message',
        }),
      },
      { default: {}, additionalProperties: false },
    ),
    webhooks: Type.Object(
      {
        endpoints: Type.Array(
          Type.Object(
            {
              name: Type.String({ pattern: '^[a-z][a-z0-9-]{0,61}[a-z0-9]$' }),
              url: Type.String({ pattern: '^https?://' }),
              topics: Type.Array(TopicPattern, { minItems: 1, default: ['*'] }),
              secret: Type.String({ minLength: 16 }),
            },
            { additionalProperties: false },
          ),
          {
            default: [],
            secret: true,
            description:
              'Webhooks defined as code: [{ name, url, topics: [request.*], secret }] (JSON list in the environment variable); shown read-only on the Admin page',
          },
        ),
        timeoutSeconds: Type.Integer({
          default: 10,
          minimum: 1,
          maximum: 120,
          description: 'Longest wait for a webhook receiver to answer',
        }),
      },
      { default: {}, additionalProperties: false },
    ),
    delivery: Type.Object(
      {
        maxAttempts: Type.Integer({
          default: 6,
          minimum: 1,
          maximum: 20,
          description: 'Attempts per e-mail or webhook delivery before it is given up and shown as failed',
        }),
        baseDelaySeconds: Type.Number({
          default: 30,
          minimum: 0,
          description: 'Wait before the second attempt; each later wait doubles',
        }),
        maxDelaySeconds: Type.Number({
          default: 3600,
          minimum: 1,
          description: 'Longest wait between two attempts',
        }),
        pollIntervalSeconds: Type.Number({
          default: 5,
          minimum: 0.1,
          description: 'How often the outbox is checked for deliveries that are due (new ones go at once)',
        }),
      },
      { default: {}, additionalProperties: false },
    ),
  },
  { default: {}, additionalProperties: false },
);

export type NotificationsConfig = Type.Static<typeof NotificationsConfigSchema>;
