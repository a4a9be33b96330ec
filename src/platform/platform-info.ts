import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { parse } from 'yaml';
import type { Logger } from '../core/logger.js';
import type { PlatformInfo } from './schemas.js';
import { StartLink } from './schemas.js';

const PlatformFile = Type.Object({
  organization: Type.Optional(Type.Object({ name: Type.String(), tagline: Type.Optional(Type.String()) })),
  welcome: Type.Optional(Type.String()),
  startHere: Type.Optional(Type.Array(StartLink)),
});

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
export function readPlatformInfo(repo: string, version: string, logger: Logger): PlatformInfo {
  const file = join(repo, 'platform.yaml');
  if (!existsSync(file)) {
    logger.warn({ file }, 'platform.yaml not found in the platform repo; using defaults');
    return { ...FALLBACK, version };
  }
  try {
    const data = parse(readFileSync(file, 'utf8'), { maxAliasCount: 100 }) ?? {};
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
