import { normal, type RandomSource } from './random-source.js';
import { fromInternal, internalRange, sampleSpace, toInternal } from './space.js';
import type { NumericParameter, Parameter, ParamSet } from './sweep-spec.js';

/** A finished trial as the search sees it: where it was, and how good (lower is better). */
export interface Observation {
  params: ParamSet;
  value: number;
}

export interface TpeOptions {
  /** Trials drawn at random before the model is used. */
  startupTrials?: number;
  /** Candidates drawn from the good-trial density, of which the most promising is chosen. */
  candidates?: number;
  /**
   * After the start, every n-th trial is drawn at random, so that no region of the space is
   * given up for good on the strength of a few early trials.
   */
  exploreEvery?: number;
}

/** Share of a categorical kernel spread over the other choices (the rest stays on the observed one). */
const CATEGORY_SPREAD = 0.25;

/** The error function (Abramowitz–Stegun 7.1.26, error < 1.5e-7): enough for truncation masses. */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly =
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  return sign * (1 - poly * Math.exp(-x * x));
}

const cdf = (x: number, mu: number, sigma: number) => 0.5 * (1 + erf((x - mu) / (sigma * Math.SQRT2)));

/** One numeric dimension of a kernel: a Gaussian truncated to the parameter's range. */
interface NumericKernel {
  mu: number;
  sigma: number;
  /** Its mass inside [lo, hi], to normalise the truncated density. */
  mass: number;
}

/** One trial's kernel: a Gaussian per numeric parameter, a peaked distribution per categorical. */
type Kernel = Map<string, NumericKernel | { category: unknown }>;

/** Bandwidths of one numeric parameter: each point as wide as its larger gap to a neighbour. */
function bandwidths(values: number[], lo: number, hi: number): Map<number, number> {
  const range = hi - lo;
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const floor = range / Math.min(100, 2 + values.length);
  const widths = new Map<number, number>();
  sorted.forEach((mu, i) => {
    const left = i > 0 ? mu - (sorted[i - 1] as number) : mu - lo;
    const right = i < sorted.length - 1 ? (sorted[i + 1] as number) - mu : hi - mu;
    widths.set(mu, Math.min(range, Math.max(floor, left, right)));
  });
  return widths;
}

function numericKernel(mu: number, sigma: number, lo: number, hi: number): NumericKernel {
  return { mu, sigma, mass: Math.max(1e-12, cdf(hi, mu, sigma) - cdf(lo, mu, sigma)) };
}

/**
 * A density over the whole space built from some trials (Parzen window): one kernel per trial
 * plus a broad prior. Kernels span all parameters at once, so the density knows that a category
 * was good together with a learning rate, not each apart.
 */
class JointParzen {
  private readonly kernels: Kernel[];

  constructor(
    private readonly parameters: readonly Parameter[],
    trials: readonly Observation[],
  ) {
    const widths = new Map(
      parameters.flatMap((p) => {
        if (p.type === 'categorical') return [];
        const [lo, hi] = internalRange(p);
        const values = trials.map((t) => toInternal(p, t.params[p.name] as number));
        return [[p.name, bandwidths(values, lo, hi)] as const];
      }),
    );
    this.kernels = trials.map((trial) => {
      const kernel: Kernel = new Map();
      for (const p of parameters) {
        if (p.type === 'categorical') {
          kernel.set(p.name, { category: trial.params[p.name] });
          continue;
        }
        const [lo, hi] = internalRange(p);
        const mu = toInternal(p, trial.params[p.name] as number);
        kernel.set(p.name, numericKernel(mu, widths.get(p.name)?.get(mu) ?? hi - lo, lo, hi));
      }
      return kernel;
    });
    // The prior: the middle of each range, as wide as the range; every category alike.
    const prior: Kernel = new Map();
    for (const p of parameters) {
      if (p.type === 'categorical') prior.set(p.name, { category: undefined });
      else {
        const [lo, hi] = internalRange(p);
        prior.set(p.name, numericKernel((lo + hi) / 2, hi - lo, lo, hi));
      }
    }
    this.kernels.push(prior);
  }

  /** A point drawn from the density, in the parameters' own values. */
  sample(random: RandomSource): ParamSet {
    const kernel = this.kernels[Math.floor(random.next() * this.kernels.length)] as Kernel;
    const point: ParamSet = {};
    for (const p of this.parameters) {
      const k = kernel.get(p.name);
      if (p.type === 'categorical') {
        const observed = (k as { category: unknown }).category;
        const keep = observed !== undefined && random.next() >= CATEGORY_SPREAD;
        point[p.name] = keep
          ? (observed as string)
          : (p.values[Math.floor(random.next() * p.values.length)] as string);
        continue;
      }
      const { mu, sigma } = k as NumericKernel;
      const [lo, hi] = internalRange(p);
      let x = Math.min(hi, Math.max(lo, mu));
      for (let tries = 0; tries < 20; tries++) {
        const draw = mu + sigma * normal(random);
        if (draw >= lo && draw <= hi) {
          x = draw;
          break;
        }
      }
      point[p.name] = fromInternal(p as NumericParameter, x);
    }
    return point;
  }

  logDensity(point: ParamSet): number {
    let sum = 0;
    for (const kernel of this.kernels) {
      let density = 1;
      for (const p of this.parameters) {
        const k = kernel.get(p.name);
        if (p.type === 'categorical') {
          const observed = (k as { category: unknown }).category;
          const n = p.values.length;
          density *=
            observed === undefined
              ? 1 / n
              : point[p.name] === observed
                ? 1 - CATEGORY_SPREAD + CATEGORY_SPREAD / n
                : CATEGORY_SPREAD / n;
          continue;
        }
        const { mu, sigma, mass } = k as NumericKernel;
        const z = (toInternal(p, point[p.name] as number) - mu) / sigma;
        density *= Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI) * mass);
      }
      sum += density;
    }
    return Math.log(sum / this.kernels.length + 1e-300);
  }
}

/**
 * The Tree-structured Parzen Estimator (Bergstra et al., 2011), in its multivariate form (Falkner
 * et al., 2018): split the finished trials into the best fifth and the rest, model each as a
 * density over the whole space, and try next the candidate, drawn from the good density, where
 * good/bad is highest. Log-scale parameters are modelled in ln space. One trial in `exploreEvery`
 * is drawn at random.
 */
export function suggestTpe(
  parameters: readonly Parameter[],
  history: readonly Observation[],
  random: RandomSource,
  options: TpeOptions = {},
): ParamSet {
  const startup = options.startupTrials ?? 10;
  const explore = options.exploreEvery ?? 8;
  if (history.length < startup || (history.length - startup) % explore === explore - 1) {
    return sampleSpace(parameters, random);
  }
  const sorted = [...history].sort((a, b) => a.value - b.value);
  const nGood = Math.max(1, Math.min(25, Math.ceil(0.2 * sorted.length)));
  const good = new JointParzen(parameters, sorted.slice(0, nGood));
  const bad = new JointParzen(parameters, sorted.slice(nGood));
  let best: ParamSet | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < (options.candidates ?? 24); c++) {
    const candidate = good.sample(random);
    const score = good.logDensity(candidate) - bad.logDensity(candidate);
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best ?? sampleSpace(parameters, random);
}
