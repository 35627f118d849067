/**
 * A seeded generator of numbers in [0, 1) (a linear congruential one), so that the tests on
 * random texts draw the same texts at every run.
 */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}
