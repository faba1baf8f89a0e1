/**
 * Reading a shared annotation file: untrusted bytes → a checked AnnotationFile, or one clear
 * reason it is refused. Nothing here touches the library.
 * Order: size, text, JSON and nesting, prototype keys, "is it ours", version, record counts,
 * schema (with JSON pointers), what a schema cannot say (hash, ids, references, offsets), then
 * the author's signature. The checks come in two parts: those that bound the work a file can
 * cause (readOwnJson: size, text, JSON, nesting, prototype keys, identity, version, record counts)
 * and the rest (laterRefusal), which an open may run beside its writes (file-verifier.ts) as long
 * as it commits only after them.
 */
import { CodePointIndex } from '../../shared/anchoring/code-points';
import { type AppError, type ErrorCode, type Result, appError, ok } from '../../shared/result';
import { sha256Hex } from '../import/hash';
import { type AnnotationFile, FILE_FORMAT, FORMAT_VERSION, annotationFileSchema } from './file-schema';
import { signatureProblem } from './file-signature';
import { excessiveNesting, forbiddenKey, guardProblem, jsonPointer } from './json-guard';
import { annotationFileTooLarge } from '../../shared/api/file-limits';
import { MAX_DEPTH, MAX_FILE_BYTES, MAX_HISTORY_ENTRIES, MAX_RECORDS } from './limits';
import { KIND_INFO, RECORD_KINDS, contentOfRecord } from './records';
import { revisionOf } from './revision';
import type { SchemaCheck } from './schema-check';

/** Problems listed in the message itself; `details` carries all of them (up to this many). */
const SHOWN_PROBLEMS = 3;
const MAX_PROBLEMS = 100;

const RECORD_LISTS = ['entities', 'mentions', 'claims', 'evidence', 'reviews', 'deleted'] as const;

let fileSchemaCheck: Promise<SchemaCheck> | undefined;

/**
 * The file schema as a fast yes/no check (ajv's code), loaded on the first file read, so the app
 * starts without it: a file it passes skips the schema's parse, which only a refusal needs.
 */
export const loadFileSchemaCheck = (): Promise<SchemaCheck> => (fileSchemaCheck ??= import('./schema-check').then((module) => module.fileSchemaCheck));

/** Why a file is refused, in the words every refusal of a shared file uses. */
const refusalOf = (fileName: string, code: ErrorCode, reason: string, details?: string[]): AppError =>
  appError(code, `Cannot open "${fileName}": ${reason}.`, details);

export function refusal(fileName: string, code: ErrorCode, reason: string, details?: string[]): Result<never> {
  return { ok: false, error: refusalOf(fileName, code, reason, details) };
}

/** The file's bytes as a checked annotation file; `matchesFileSchema` from loadFileSchemaCheck. */
export function readAnnotationFile(fileName: string, bytes: Uint8Array, matchesFileSchema: SchemaCheck): Result<AnnotationFile> {
  const json = readOwnJson(fileName, bytes);
  if (!json.ok) return json;
  const problem = laterRefusal(fileName, json.value, matchesFileSchema);
  return problem ? { ok: false, error: problem } : ok(json.value as AnnotationFile);
}

/**
 * The file's bytes parsed: JSON of ours, in a version this build reads, within the size, nesting
 * and record limits, without prototype keys; or the refusal of the first thing wrong up to there.
 * Its shape, records, hashes and signature are not checked yet (laterRefusal).
 */
export function readOwnJson(fileName: string, bytes: Uint8Array): Result<unknown> {
  if (bytes.length === 0) return refusal(fileName, 'empty', 'the file is empty');
  if (bytes.length > MAX_FILE_BYTES) {
    return refusal(fileName, 'too_large', annotationFileTooLarge(bytes.length));
  }
  const text = utf8Text(bytes);
  if (text === null) {
    return refusal(fileName, 'binary', 'it is not a Factdesk annotation file: it is not UTF-8 text (a binary file?)');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Too deep is the first thing wrong with a deep file, whether or not its JSON is valid.
    return tooDeep(fileName, text) ?? refusal(fileName, 'invalid_input', `it is not valid JSON (${(error as Error).message})`);
  }
  const guarded = guardProblem(parsed);
  if (guarded === 'nesting') return tooDeep(fileName, text)!;
  if (guarded === 'forbidden') {
    const forbidden = forbiddenKey(parsed)!;
    return refusal(fileName, 'invalid_input', `it contains the forbidden key "${forbidden.key}" at ${forbidden.pointer}`, [
      `${forbidden.pointer}: forbidden key`
    ]);
  }
  return checkIdentity(fileName, parsed) ?? ok(parsed);
}

/**
 * The refusal of a file readOwnJson accepted, for its shape (the schema), then its text hash,
 * records and signature (contentRefusal); null when it passes. The schema transforms nothing, so
 * the value it accepts is the file: kept as read, in the order it was written (canonical order
 * makes revisions cheap to check), not its copy in schema order.
 */
export function laterRefusal(fileName: string, json: unknown, matchesFileSchema: SchemaCheck): AppError | null {
  if (!matchesFileSchema(json)) {
    const problem = schemaRefusal(fileName, json);
    if (problem) return problem;
  }
  return contentRefusal(fileName, json as AnnotationFile);
}

/**
 * The refusal of a file in the annotation file's shape for its text hash, its records (revisions,
 * ids, references, offsets) or its signature, in that order; null when it passes.
 */
export function contentRefusal(fileName: string, file: AnnotationFile): AppError | null {
  if (sha256Hex(file.document.text) !== file.document.sha256) {
    return refusalOf(
      fileName,
      'invalid_input',
      'the article text does not match its SHA-256 (/document/sha256): the file was changed or damaged after it was written',
      ['/document/sha256: does not match /document/text']
    );
  }
  const problems = consistencyProblems(file);
  if (problems.length > 0) {
    return refusalOf(fileName, 'invalid_input', `its records are inconsistent: ${summary(problems, problems.length)}`, problems);
  }
  const badSignature = signatureProblem(file as unknown as Record<string, unknown>, file);
  return badSignature ? refusalOf(fileName, 'invalid_input', badSignature, [`/signature: ${badSignature}`]) : null;
}

/** The schema's refusal of the file, naming each problem by its JSON pointer; null when the schema accepts it. */
function schemaRefusal(fileName: string, parsed: unknown): AppError | null {
  const shape = annotationFileSchema.safeParse(parsed);
  if (shape.success) return null;
  const problems = shape.error.issues.slice(0, MAX_PROBLEMS).map((issue) => `${jsonPointer(issue.path)}: ${issue.message}`);
  return refusalOf(fileName, 'invalid_input', `it does not match the annotation file schema: ${summary(problems, shape.error.issues.length)}`, problems);
}

/** The refusal of JSON nested past the limit, naming where in the text; null when the text is not that deep. */
function tooDeep(fileName: string, text: string): Result<never> | null {
  const deep = excessiveNesting(text);
  return deep === -1 ? null : refusal(fileName, 'invalid_input', `its JSON is nested more than ${MAX_DEPTH} levels deep (at character ${deep})`);
}

function utf8Text(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Is it JSON of ours, in a version this build reads, within the record limits? */
function checkIdentity(fileName: string, parsed: unknown): Result<never> | null {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const kind = Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`;
    return refusal(fileName, 'unsupported', `it is JSON but not a Factdesk annotation file (the file holds ${kind})`);
  }
  const top = parsed as Record<string, unknown>;
  if (top.format !== FILE_FORMAT) {
    return refusal(fileName, 'unsupported', `it is JSON but not a Factdesk annotation file (no "format": "${FILE_FORMAT}")`);
  }
  const version = top.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refusal(fileName, 'unsupported', `its formatVersion ${JSON.stringify(version ?? null)} is not a format version Factdesk knows`);
  }
  if (version > FORMAT_VERSION) {
    return refusal(
      fileName,
      'unsupported',
      `it was written in format version ${version} by a newer Factdesk; this version reads format version ${FORMAT_VERSION}. Update Factdesk to open it`
    );
  }
  const records = RECORD_LISTS.reduce((sum, list) => sum + (Array.isArray(top[list]) ? (top[list] as unknown[]).length : 0), 0);
  if (records > MAX_RECORDS) {
    return refusal(fileName, 'too_large', `it holds ${records} records; the limit is ${MAX_RECORDS}`);
  }
  if (Array.isArray(top.history) && top.history.length > MAX_HISTORY_ENTRIES) {
    return refusal(fileName, 'too_large', `it holds ${top.history.length} history entries; the limit is ${MAX_HISTORY_ENTRIES}`);
  }
  return null;
}

function summary(problems: string[], total: number): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).join('; ');
  return total > SHOWN_PROBLEMS ? `${shown}; and ${total - SHOWN_PROBLEMS} more` : shown;
}

/** What the schema cannot express: hash-true revisions, unique ids, resolvable references, offsets in the text. */
function consistencyProblems(file: AnnotationFile): string[] {
  const problems: string[] = [];
  const report = (pointer: string, problem: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${pointer}: ${problem}`);
  };
  const length = new CodePointIndex(file.document.text).length;

  for (const kind of RECORD_KINDS) {
    const list = KIND_INFO[kind].list;
    const seen = new Set<string>();
    file[list].forEach((record, i) => {
      if (seen.has(record.id)) report(`/${list}/${i}/id`, `the id ${record.id} occurs twice`);
      seen.add(record.id);
      if (revisionOf(contentOfRecord(record)) !== record.revision) report(`/${list}/${i}/revision`, "does not match the record's content");
    });
  }

  const entities = new Set(file.entities.map((e) => e.id));
  const claims = new Set(file.claims.map((c) => c.id));
  const labels = new Set(file.labelSet.map((l) => l.key));
  const scales = new Map(file.verdictScales.map((s) => [`${s.id}@${s.version}`, new Set(s.labels.map((l) => l.label))]));

  for (const list of ['mentions', 'claims'] as const) {
    file[list].forEach((record, i) => {
      const [, position] = record.target.selector;
      const at = `/${list}/${i}/target/selector/1`;
      if (position.end <= position.start) report(at, `the span ${position.start}–${position.end} is empty`);
      else if (!record.orphaned && position.end > length) {
        report(at, `the span ${position.start}–${position.end} lies outside the text (${length} code points)`);
      }
    });
  }
  file.mentions.forEach((mention, i) => {
    if (mention.entityId !== null && !entities.has(mention.entityId)) report(`/mentions/${i}/entityId`, `no entity ${mention.entityId} in the file`);
    if (!labels.has(mention.type)) report(`/mentions/${i}/type`, `the label "${mention.type}" is not in the file's labelSet`);
  });
  file.claims.forEach((claim, i) => {
    if (claim.claimantId !== null && !entities.has(claim.claimantId)) report(`/claims/${i}/claimantId`, `no entity ${claim.claimantId} in the file`);
    if (claim.verdict) {
      const scale = scales.get(`${claim.verdict.scaleId}@${claim.verdict.scaleVersion}`);
      if (!scale) report(`/claims/${i}/verdict`, `the verdict scale ${claim.verdict.scaleId} version ${claim.verdict.scaleVersion} is not in the file`);
      else if (!scale.has(claim.verdict.label)) report(`/claims/${i}/verdict/label`, `"${claim.verdict.label}" is not a label of its scale`);
    }
  });
  for (const list of ['evidence', 'reviews'] as const) {
    file[list].forEach((record, i) => {
      if (!claims.has(record.claimId)) report(`/${list}/${i}/claimId`, `no claim ${record.claimId} in the file`);
    });
  }
  file.document.blocks.forEach((block, i) => {
    if (block.end < block.start || block.end > length) report(`/document/blocks/${i}`, `the block ${block.start}–${block.end} lies outside the text`);
  });
  return problems;
}
