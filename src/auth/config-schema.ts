import { Type } from 'typebox';

/** `auth.lockout`: how failed sign-ins lock an account, whatever address they come from. */
export const LockoutConfigSchema = Type.Object(
  {
    failures: Type.Integer({
      default: 5,
      minimum: 1,
      maximum: 100,
      description: 'Failed sign-ins in a row that lock an account, from any address',
    }),
    firstLockSeconds: Type.Integer({
      default: 60,
      minimum: 1,
      maximum: 86_400,
      description: 'How long the first lock lasts; each next one lasts twice as long',
    }),
    maxLockSeconds: Type.Integer({
      default: 3600,
      minimum: 1,
      maximum: 604_800,
      description: 'Longest a lock lasts, however many came before',
    }),
    forgetAfterHours: Type.Integer({
      default: 24,
      minimum: 1,
      maximum: 8760,
      description: 'Failed sign-ins and past locks are forgotten after this long without a failure',
    }),
  },
  { default: {}, additionalProperties: false },
);

export type LockoutConfig = Type.Static<typeof LockoutConfigSchema>;
