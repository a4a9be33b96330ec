import type { Type } from 'typebox';
import type { SweepDetail as SweepDetailSchema, Sweep as SweepSchema } from '../compute/sweeps/schemas.js';

export type Sweep = Type.Static<typeof SweepSchema>;
export type SweepDetail = Type.Static<typeof SweepDetailSchema>;
export type Trial = SweepDetail['trials'][number];

export const SWEEP_STATES = ['running', 'stopping', 'succeeded', 'stopped', 'failed'] as const;

export function sweepPath(id: string): string {
  return `/api/sweeps/${encodeURIComponent(id)}`;
}

export function isSweepOver(state: string): boolean {
  return state === 'succeeded' || state === 'stopped' || state === 'failed';
}
