/**
 * The annotation file's schema as a fast yes/no check of parsed JSON: ajv's code for the JSON
 * Schema generated from the reader's zod schema (json-schema.ts), written ahead of time by
 * scripts/annotation-file-check.ts (a test keeps it in step with the zod schema), so a file is
 * checked without ajv compiling the schema first. It skips the copies and issue lists of a zod
 * parse: only a value it refuses needs zod, for zod's messages. Where the zod schema holds a rule
 * JSON Schema cannot say, zod also checks every value ajv accepts.
 */
import type { z } from 'zod';
import { validate, zodToo } from './annotation-file-check.generated.js';
import { annotationFileSchema } from './file-schema';

export type SchemaCheck = (value: unknown) => boolean;

/** A module scripts/annotation-file-check.ts writes, as the check of `schema` it is made from. */
export const checkFrom = (module: { validate: SchemaCheck; zodToo: boolean }, schema: z.ZodType): SchemaCheck =>
  module.zodToo ? (value) => module.validate(value) && schema.safeParse(value).success : module.validate;

export const fileSchemaCheck = checkFrom({ validate, zodToo }, annotationFileSchema);
