/**
 * A zod schema as a fast yes/no check of parsed JSON: ajv, compiled from the JSON Schema
 * generated from the same zod schema (json-schema.ts), so the two cannot drift apart. It skips the
 * copies and issue lists of a zod parse: only a value it refuses needs zod, for zod's messages.
 * Where the zod schema holds a rule JSON Schema cannot say (a refinement, a pattern's flags), zod
 * also checks every value ajv accepts: the check may say no where zod says yes (zod decides then),
 * never yes where zod says no.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { z } from 'zod';
import { jsonSchemaOf } from './json-schema';

export type SchemaCheck = (value: unknown) => boolean;

/**
 * Patterns compiled as zod compiles them, without the `u` flag (both count string lengths in code
 * points). Compiled once per process for a few files: no check of the generated schema against the
 * meta-schema (file-format.test.ts does that) and no optimising pass over the generated code, which
 * together cut the compile from ~150 to ~50 ms for ~2 ms more per 10,000-record file.
 */
const AJV_OPTIONS = { strict: true, unicodeRegExp: false, validateSchema: false, code: { optimize: false } } as const;

/** Compiles the check (the reader loads this module, and so compiles, on the first file it reads). */
export function schemaCheck(schema: z.ZodType): SchemaCheck {
  const { jsonSchema, unsaid } = jsonSchemaOf(schema);
  const validate = new Ajv2020(AJV_OPTIONS).compile(jsonSchema);
  if (unsaid.length === 0) return (value) => validate(value);
  return (value) => validate(value) && schema.safeParse(value).success;
}
