/**
 * Methods that take files as base64. A file over its limit is refused with a sentence that names
 * it and the limit, never a schema message: by the method's input schema, and by the HTTP front
 * when the request body alone is over its size.
 */
import { z } from 'zod';
import {
  MAX_ANNOTATION_FILE_BYTES,
  MAX_BRAT_FILE_BYTES,
  MAX_IMPORT_BYTES,
  MAX_SHEET_BYTES,
  annotationFileTooLarge,
  base64Bytes,
  cannotImport,
  importTooLarge,
  overLimit
} from './file-limits';

/** One file in a method's input: the fields holding its name and its bytes, its limit, and the refusal. */
export interface UploadRule {
  nameField: string;
  dataField: string;
  limit: number;
  refuse: (fileName: string, bytes: number) => string;
}

/** Marks the schema issue that carries an upload's refusal, so the service passes its sentence on as is. */
export const FILE_TOO_LARGE = 'fileTooLarge';

const article: UploadRule = {
  nameField: 'fileName',
  dataField: 'dataBase64',
  limit: MAX_IMPORT_BYTES,
  refuse: (name, bytes) => cannotImport(name, importTooLarge(bytes))
};
const sheet: UploadRule = {
  nameField: 'fileName',
  dataField: 'dataBase64',
  limit: MAX_SHEET_BYTES,
  refuse: (name, bytes) => `Cannot verify "${name}": ${overLimit(bytes, MAX_SHEET_BYTES, 'fact sheets')}.`
};
const annotationFile: UploadRule = {
  nameField: 'fileName',
  dataField: 'dataBase64',
  limit: MAX_ANNOTATION_FILE_BYTES,
  refuse: (name, bytes) => `Cannot open "${name}": ${annotationFileTooLarge(bytes)}.`
};
const bratFile = (nameField: string, dataField: string): UploadRule => ({
  nameField,
  dataField,
  limit: MAX_BRAT_FILE_BYTES,
  refuse: (name, bytes) => cannotImport(name, overLimit(bytes, MAX_BRAT_FILE_BYTES, 'brat files'))
});

/** The files each uploading method takes. */
export const UPLOADS = {
  article: [article],
  sheet: [sheet],
  annotationFile: [annotationFile],
  brat: [bratFile('txtFileName', 'txtBase64'), bratFile('annFileName', 'annBase64')]
} as const;

/** The uploading methods, for the HTTP front, which sees only the method's name and the body's size. */
export const UPLOADS_BY_METHOD: Readonly<Record<string, readonly UploadRule[]>> = {
  'documents.import': UPLOADS.article,
  'imports.start': UPLOADS.article,
  'export.verifySheet': UPLOADS.sheet,
  'exchange.validate': UPLOADS.annotationFile,
  'exchange.preview': UPLOADS.annotationFile,
  'exchange.open': UPLOADS.annotationFile,
  'exchange.importBrat': UPLOADS.brat
};

/** A method's input object whose files are refused, each with its sentence, when over their limit. */
export function uploadInput<S extends z.ZodRawShape>(shape: S, rules: readonly UploadRule[]) {
  return z.strictObject(shape).superRefine((input, ctx) => {
    const fields = input as Record<string, unknown>;
    for (const rule of rules) {
      const [name, data] = [fields[rule.nameField], fields[rule.dataField]];
      // Without a name the refusal could not say which file; the name's own issue says what is missing.
      if (typeof name !== 'string' || name.trim() === '' || typeof data !== 'string') continue;
      const bytes = base64Bytes(data);
      if (bytes <= rule.limit) continue;
      ctx.addIssue({
        code: 'custom',
        path: [rule.dataField],
        message: rule.refuse(name.trim(), bytes),
        params: { [FILE_TOO_LARGE]: true }
      });
    }
  });
}
