/**
 * Regenerates resources/schemas/factdesk-annotation-file.schema.json from the reader's zod schema
 * (src/main/exchange/file-schema.ts). Run: npx tsx scripts/write-annotation-file-schema.ts
 * tests/unit/exchange/json-schema.test.ts fails while the shipped file is out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotationFileJsonSchema } from '../src/main/exchange/json-schema';

export const SCHEMA_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'schemas', 'factdesk-annotation-file.schema.json');

mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
writeFileSync(SCHEMA_FILE, `${JSON.stringify(annotationFileJsonSchema(), null, 2)}\n`);
console.log(SCHEMA_FILE);
