import type { RandomSource } from './random-source.js';
import type { NumericParameter, Parameter, ParamSet } from './sweep-spec.js';

/** Most points a grid may enumerate; a bigger grid is refused up front. */
export const MAX_GRID_POINTS = 100_000;

/** A numeric parameter's range in the space the search works in: ln(x) on a log scale. */
export function internalRange(p: NumericParameter): [number, number] {
  return p.scale === 'log' ? [Math.log(p.min), Math.log(p.max)] : [p.min, p.max];
}

export function toInternal(p: NumericParameter, value: number): number {
  return p.scale === 'log' ? Math.log(value) : value;
}

/** Back from the search space, clamped to [min, max], whole for ints. */
export function fromInternal(p: NumericParameter, u: number): number {
  const raw = p.scale === 'log' ? Math.exp(u) : u;
  const clamped = Math.min(p.max, Math.max(p.min, raw));
  return p.type === 'int' ? Math.min(p.max, Math.max(p.min, Math.round(clamped))) : clamped;
}

/** A value drawn evenly over the parameter's range (on its scale). */
export function sampleUniform(p: Parameter, random: RandomSource): number | string | boolean {
  if (p.type === 'categorical') return p.values[Math.floor(random.next() * p.values.length)] as string;
  const [lo, hi] = internalRange(p);
  if (p.type === 'int' && p.scale !== 'log') {
    // Every whole number equally likely, the ends included.
    return p.min + Math.floor(random.next() * (p.max - p.min + 1));
  }
  return fromInternal(p, lo + random.next() * (hi - lo));
}

export function sampleSpace(parameters: readonly Parameter[], random: RandomSource): ParamSet {
  return Object.fromEntries(parameters.map((p) => [p.name, sampleUniform(p, random)]));
}

/** The values a grid takes for one parameter, in order. */
export function gridValues(p: Parameter): (number | string | boolean)[] {
  if (p.type === 'categorical') return [...p.values];
  if (p.type === 'int' && p.steps === undefined && p.scale !== 'log') {
    return Array.from({ length: p.max - p.min + 1 }, (_, i) => p.min + i);
  }
  const steps = p.steps ?? Math.min(10, p.max - p.min + 1);
  const [lo, hi] = internalRange(p);
  const values = Array.from({ length: steps }, (_, i) => fromInternal(p, lo + ((hi - lo) * i) / (steps - 1)));
  return [...new Set(values)];
}

/** How many points the grid of these parameters has. */
export function gridSize(parameters: readonly Parameter[]): number {
  return parameters.reduce((n, p) => n * gridValues(p).length, 1);
}

/** The `index`-th point of the grid, the last parameter varying fastest. */
export function gridPoint(parameters: readonly Parameter[], index: number): ParamSet {
  const point: ParamSet = {};
  let rest = index;
  for (let i = parameters.length - 1; i >= 0; i--) {
    const p = parameters[i] as Parameter;
    const values = gridValues(p);
    point[p.name] = values[rest % values.length] as number | string | boolean;
    rest = Math.floor(rest / values.length);
  }
  return Object.fromEntries(parameters.map((p) => [p.name, point[p.name] as number | string | boolean]));
}
