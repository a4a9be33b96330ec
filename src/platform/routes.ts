import { errorResponses, type TypedApp } from '../server/typed-app.js';
import { PlatformInfo } from './schemas.js';

/** Public facts about this platform: shown on the sign-in page before anyone is signed in. */
export function platformRoutes(app: TypedApp, info: () => PlatformInfo) {
  app.get(
    '/api/platform',
    {
      config: { permission: 'platform.read' },
      schema: {
        tags: ['platform'],
        summary: 'Organization name, welcome text and start-here links',
        response: { 200: PlatformInfo, ...errorResponses },
      },
    },
    async () => info(),
  );
}
