import { join } from 'node:path';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { ConfinedFolder, LinkRefused, linkMessage } from '../core/confined-folder.js';
import type { Logger } from '../core/logger.js';
import { parseYamlBounded } from '../core/yaml-limits.js';
import type { PlatformInfo } from './schemas.js';
import { StartLink } from './schemas.js';

const PlatformFile = Type.Object({
  organization: Type.Optional(Type.Object({ name: Type.String(), tagline: Type.Optional(Type.String()) })),
  welcome: Type.Optional(Type.String()),
  startHere: Type.Optional(Type.Array(StartLink)),
});

// A welcome text and a few links; anything bigger is not a platform.yaml.
const MAX_PLATFORM_FILE_BYTES = 256 * 1024;

const FALLBACK: Omit<PlatformInfo, 'version'> = {
  organization: { name: 'Plinth', tagline: 'The platform for research teams' },
  welcome: 'Find the tools, data and docs of your organization, and get your work running.',
  startHere: [],
};

/** What the portal says before the platform repo could be read. */
export function placeholderPlatformInfo(version: string): PlatformInfo {
  return { ...FALLBACK, version };
}

/**
 * What the platform repo's `platform.yaml` says about the organization (name, welcome, start-here links).
 * A missing or invalid file falls back to neutral defaults, with a warning, so the portal always starts.
 */
export async function readPlatformInfo(repo: string, version: string, logger: Logger): Promise<PlatformInfo> {
  const file = join(repo, 'platform.yaml');
  const text = await readPlatformFile(repo).catch((error: Error) => {
    logger.warn({ file, problem: error.message }, 'platform.yaml cannot be read; using defaults');
    return null;
  });
  if (text === null) return { ...FALLBACK, version };
  if (text === undefined) {
    logger.warn({ file }, 'platform.yaml not found in the platform repo; using defaults');
    return { ...FALLBACK, version };
  }
  try {
    // Depth and aliases bounded: the file comes from git, where anyone with a commit may write it.
    const data = (parseYamlBounded(text) ?? {}) as Record<string, unknown>;
    if (!Value.Check(PlatformFile, data)) {
      const first = [...Value.Errors(PlatformFile, data)][0];
      throw new Error(`${first?.instancePath || '/'} ${first?.message}`);
    }
    return {
      organization: {
        name: data.organization?.name ?? FALLBACK.organization.name,
        tagline: data.organization?.tagline ?? FALLBACK.organization.tagline,
      },
      welcome: data.welcome ?? FALLBACK.welcome,
      startHere: data.startHere ?? [],
      version,
    };
  } catch (error) {
    logger.warn({ file, problem: (error as Error).message }, 'platform.yaml is invalid; using defaults');
    return { ...FALLBACK, version };
  }
}

/** The text of platform.yaml, undefined when there is none; a link is refused, wherever it leads. */
async function readPlatformFile(repo: string): Promise<string | undefined> {
  try {
    return (await (await ConfinedFolder.open(repo)).read('platform.yaml', MAX_PLATFORM_FILE_BYTES)).toString(
      'utf8',
    );
  } catch (error) {
    if (error instanceof LinkRefused) throw new Error(linkMessage(error.link, 'platform repo'));
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
