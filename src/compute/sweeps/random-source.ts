import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of numbers in [0, 1): the same seed gives the same sweep. */
export interface RandomSource {
  next(): number;
}

/** MurmurHash3's finalizer: nearby inputs give unrelated outputs. */
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The random numbers of one stream of a seed (a sweep's seed, a trial's number). Seeds are mixed
 * first: generators seeded with neighbouring integers start with correlated outputs.
 */
export function seededRandom(seed: number, stream = 0): RandomSource {
  const generator = xoroshiro128plus(mix32(mix32(seed) ^ mix32(stream + 0x9e3779b9)));
  return { next: () => uniformFloat64(generator) };
}

/** A standard normal draw (Box–Muller). */
export function normal(random: RandomSource): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
