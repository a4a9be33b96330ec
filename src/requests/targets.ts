import type { CategoryConfig, RequestsConfig } from './config-schema.js';

export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

const HOUR_MS = 3_600_000;

/**
 * When the first response and the resolution are due: the category's hours times the urgency's
 * factor, counted in wall-clock hours from filing.
 */
export function dueTimes(
  filedAtMs: number,
  category: CategoryConfig,
  urgency: Urgency,
  factors: RequestsConfig['urgencyFactors'],
): { firstResponseDueAt: string; resolutionDueAt: string } {
  const factor = factors[urgency];
  return {
    firstResponseDueAt: new Date(filedAtMs + category.firstResponseHours * factor * HOUR_MS).toISOString(),
    resolutionDueAt: new Date(filedAtMs + category.resolutionHours * factor * HOUR_MS).toISOString(),
  };
}

export interface TargetFacts {
  open: boolean;
  firstResponseAt: string | null;
  firstResponseDueAt: string;
  resolutionDueAt: string;
}

/** Which targets a request has missed at `nowMs`; a met or closed target is never overdue. */
export function overdue(facts: TargetFacts, nowMs: number): { firstResponse: boolean; resolution: boolean } {
  return {
    firstResponse: facts.open && !facts.firstResponseAt && Date.parse(facts.firstResponseDueAt) < nowMs,
    resolution: facts.open && Date.parse(facts.resolutionDueAt) < nowMs,
  };
}
