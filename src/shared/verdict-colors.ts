/** Verdict colours from red (step 0, the scale's worst) to green (the last step, its best); slate grey off the scale. */
export const VERDICT_STEPS = 13;
export const VERDICT_OFF_SCALE = '#6b7280';
export const verdictHue = (step: number): string => `hsl(${step * 10} 60% 36%)`;

export type VerdictRange = { worst: number; best: number } | null;

/** The lowest and highest of the numbers given; null when there are none. */
export function numericRange(values: (number | null)[]): VerdictRange {
  const numbers = values.filter((v): v is number => v !== null);
  return numbers.length ? { worst: Math.min(...numbers), best: Math.max(...numbers) } : null;
}

/** The colour step along the numeric scale, red (worst) to green (best); null for labels off it. */
export function verdictStep(value: number | null, range: VerdictRange): number | null {
  if (value === null || !range) return null;
  const share = range.best === range.worst ? 1 : (value - range.worst) / (range.best - range.worst);
  return Math.round(share * VERDICT_STEPS);
}

export function verdictColor(value: number | null, range: VerdictRange): string {
  const step = verdictStep(value, range);
  return step === null ? VERDICT_OFF_SCALE : verdictHue(step);
}
