import { Type } from 'typebox';

export const StartLink = Type.Object({
  title: Type.String(),
  description: Type.String(),
  href: Type.String({ description: 'A portal path such as /docs, or an absolute URL' }),
});

/** What the platform repo says about the organization; shown on the login and Home pages. */
export const PlatformInfo = Type.Object({
  organization: Type.Object({ name: Type.String(), tagline: Type.String() }),
  welcome: Type.String({ description: 'A short welcome for new team members (plain text)' }),
  startHere: Type.Array(StartLink),
  version: Type.String({ description: 'Plinth version' }),
});
export type PlatformInfo = Type.Static<typeof PlatformInfo>;
