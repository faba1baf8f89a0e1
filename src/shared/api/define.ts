import { z } from 'zod';

/** Phantom marker carrying a method's output type; outputs are produced by our own code, not parsed. */
export const returns = <T>() => null as unknown as T;

/** One API method: its runtime-validated input schema and its output type. */
export function method<I extends z.ZodType, O>(input: I, output: O) {
  return { input, output };
}

/** Schema atoms shared by every method group. */
export const id = z.string().min(1).max(64);
export const shortText = z.string().max(500);
export const longText = z.string().max(100_000);
export const offset = z.number().int().min(0);
export const isoDate = z.string().max(40);
