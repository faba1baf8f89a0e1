/** The JSON Schema (draft 2020-12) of the annotation file, generated from the zod schema the reader uses. */
import { z } from 'zod';
import { annotationFileSchema } from './file-schema';
import { jsonPointer } from './json-guard';

export const ANNOTATION_FILE_SCHEMA_ID = 'urn:factdesk:schema:annotation-file:1';

export interface GeneratedJsonSchema {
  jsonSchema: Record<string, unknown>;
  /** Where (JSON pointers into the JSON Schema) the zod schema has a rule the JSON Schema leaves out: only zod checks those. */
  unsaid: string[];
}

/** The zod check kinds, read through zod's JSON Schema hook, that JSON Schema has no keyword for. */
interface CheckDef {
  check: string;
  pattern?: RegExp;
}
const isUnsaid = ({ check, pattern }: CheckDef) => check === 'custom' || check === 'overwrite' || (pattern !== undefined && pattern.flags !== '');

/**
 * A zod schema as JSON Schema. Transforms make zod throw here; refinements and regex flags it drops
 * silently, so they are listed in `unsaid`.
 */
export function jsonSchemaOf(schema: z.ZodType): GeneratedJsonSchema {
  const unsaid: string[] = [];
  const jsonSchema = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    override: ({ zodSchema, path }) => {
      const def = (zodSchema as unknown as { _zod: { def: CheckDef & { checks?: { _zod: { def: CheckDef } }[] } } })._zod.def;
      if (isUnsaid(def) || (def.checks ?? []).some((c) => isUnsaid(c._zod.def))) unsaid.push(jsonPointer(path));
    }
  }) as Record<string, unknown>;
  return { jsonSchema, unsaid };
}

export function annotationFileJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = jsonSchemaOf(annotationFileSchema).jsonSchema;
  return { $schema, $id: ANNOTATION_FILE_SCHEMA_ID, ...rest };
}
