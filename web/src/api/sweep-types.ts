// The sweeps contract, typed from the server's own TypeBox schemas (types only).
import type { Type } from 'typebox';
import type {
  SweepDetail as SweepDetailSchema,
  Sweep as SweepSchema,
} from '../../../src/compute/sweeps/schemas.js';
import type { NumericParameter, Parameter, SweepSpec } from '../../../src/compute/sweeps/sweep-spec.js';

export type { NumericParameter, Parameter, SweepSpec };
export type Sweep = Type.Static<typeof SweepSchema>;
export type SweepDetail = Type.Static<typeof SweepDetailSchema>;
export type Trial = SweepDetail['trials'][number];
export type SweepState = Sweep['state'];

/** The spec's parts the pages read (the API types it as unknown: it is what was submitted). */
export function specOf(sweep: Sweep): SweepSpec {
  return sweep.spec as SweepSpec;
}

export function isSweepActive(state: string): boolean {
  return state === 'running' || state === 'stopping';
}
