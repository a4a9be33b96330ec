/** The task indices of an array range such as `0-9` or `0-9%2` (the throttle does not change them). */
export function arrayIndices(range: string): number[] {
  const match = /^(\d+)-(\d+)(?:%\d+)?$/.exec(range);
  if (!match) throw new Error(`array: '${range}' is not a range such as 0-9`);
  const from = Number(match[1]);
  const to = Number(match[2]);
  if (to < from) throw new Error(`array: '${range}' ends before it starts`);
  if (to - from >= 10_000) throw new Error(`array: '${range}' has more than 10,000 tasks`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
