/** The JSON Schema (draft 2020-12) of the annotation file, generated from the zod schema the reader uses. */
import { z } from 'zod';
import { annotationFileSchema } from './file-schema';

export const ANNOTATION_FILE_SCHEMA_ID = 'urn:factdesk:schema:annotation-file:1';

export function annotationFileJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(annotationFileSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, $id: ANNOTATION_FILE_SCHEMA_ID, ...rest };
}
